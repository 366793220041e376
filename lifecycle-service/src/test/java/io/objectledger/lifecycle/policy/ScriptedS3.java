package io.objectledger.lifecycle.policy;

import software.amazon.awssdk.awscore.DefaultAwsResponseMetadata;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectTaggingRequest;
import software.amazon.awssdk.services.s3.model.GetObjectTaggingResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectTaggingRequest;
import software.amazon.awssdk.services.s3.model.PutObjectTaggingResponse;
import software.amazon.awssdk.services.s3.model.S3ResponseMetadata;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Answers HeadObject and PutObjectTagging from scripts, other tagging calls plainly; anything else is unsupported, as in S3Client. */
public final class ScriptedS3 implements S3Client {

    public final Deque<Supplier<HeadObjectResponse>> heads = new ArrayDeque<>();
    public final List<HeadObjectRequest> headRequests = new ArrayList<>();
    /** Answers to PutObjectTagging, first to last; once used up, each call succeeds. */
    public final Deque<Supplier<PutObjectTaggingResponse>> putTaggings = new ArrayDeque<>();

    @Override
    public HeadObjectResponse headObject(HeadObjectRequest request) {
        headRequests.add(request);
        return heads.removeFirst().get();
    }

    @Override
    public GetObjectTaggingResponse getObjectTagging(GetObjectTaggingRequest request) {
        return GetObjectTaggingResponse.builder().tagSet(List.of()).build();
    }

    @Override
    public PutObjectTaggingResponse putObjectTagging(PutObjectTaggingRequest request) {
        if (!putTaggings.isEmpty()) {
            return putTaggings.removeFirst().get();
        }
        return (PutObjectTaggingResponse) PutObjectTaggingResponse.builder()
                .responseMetadata(S3ResponseMetadata.create(DefaultAwsResponseMetadata.create(
                        Map.of("x-amz-request-id", "req-tagging")))).build();
    }

    @Override
    public String serviceName() {
        return "s3";
    }

    @Override
    public void close() {
    }
}
