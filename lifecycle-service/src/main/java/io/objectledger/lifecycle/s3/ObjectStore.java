package io.objectledger.lifecycle.s3;

import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The S3 calls the ledger makes on objects. A versioned object is addressed by its version id
 * when the notification gave one. Each call returns the S3 request id, for the event's record.
 */
public class ObjectStore {

    private final S3Client s3;
    private final Map<String, Boolean> objectLockByBucket = new ConcurrentHashMap<>();

    public ObjectStore(S3Client s3) {
        this.s3 = s3;
    }

    public record Result<T>(T value, String requestId) {
    }

    public Map<String, String> tags(ObjectIdentity object, String versionId) {
        Map<String, String> tags = new LinkedHashMap<>();
        s3.getObjectTagging(request -> request.bucket(object.bucket()).key(object.key()).versionId(version(versionId)))
                .tagSet().forEach(tag -> tags.put(tag.key(), tag.value()));
        return tags;
    }

    public String putTags(ObjectIdentity object, String versionId, Map<String, String> tags) {
        List<Tag> tagSet = tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
        return s3.putObjectTagging(request -> request.bucket(object.bucket()).key(object.key()).versionId(version(versionId))
                .tagging(tagging -> tagging.tagSet(tagSet))).responseMetadata().requestId();
    }

    public String delete(ObjectIdentity object, String versionId) {
        return s3.deleteObject(request -> request.bucket(object.bucket()).key(object.key()).versionId(version(versionId)))
                .responseMetadata().requestId();
    }

    /** What HeadObject says of a version: its facts, when it was last modified, and the request id. */
    public record Description(ObjectFacts facts, Instant lastModified, String requestId) {
    }

    /**
     * HeadObject on the version (the current one when {@code versionId} is empty). HeadObject
     * does not return tags: the facts carry {@code knownTags}.
     */
    public Description describe(ObjectIdentity object, String versionId, Map<String, String> knownTags) {
        HeadObjectResponse head = s3.headObject(request -> request.bucket(object.bucket()).key(object.key())
                .versionId(version(versionId)));
        ObjectFacts facts = new ObjectFacts(head.contentLength() == null ? 0 : head.contentLength(),
                unquoted(head.eTag()), head.versionId() == null ? versionId : head.versionId(), head.metadata(),
                knownTags, head.contentType());
        return new Description(facts, head.lastModified(), head.responseMetadata().requestId());
    }

    /** Whether the bucket was created with Object Lock; remembered, as it can never be switched off. */
    public boolean objectLockEnabled(String bucket) {
        Boolean known = objectLockByBucket.get(bucket);
        if (known != null) {
            return known;
        }
        boolean enabled;
        try {
            enabled = s3.getObjectLockConfiguration(request -> request.bucket(bucket)).objectLockConfiguration()
                    .objectLockEnabled() == ObjectLockEnabled.ENABLED;
        } catch (S3Exception e) {
            if (e.statusCode() != 404 && !"ObjectLockConfigurationNotFoundError".equals(errorCode(e))) {
                throw e;
            }
            enabled = false;
        }
        objectLockByBucket.put(bucket, enabled);
        return enabled;
    }

    public String putRetention(ObjectIdentity object, String versionId, String mode, Instant retainUntil) {
        return s3.putObjectRetention(request -> request.bucket(object.bucket()).key(object.key())
                .versionId(version(versionId))
                .retention(retention -> retention.mode(ObjectLockRetentionMode.fromValue(mode)).retainUntilDate(retainUntil)))
                .responseMetadata().requestId();
    }

    public String putLegalHold(ObjectIdentity object, String versionId) {
        return s3.putObjectLegalHold(request -> request.bucket(object.bucket()).key(object.key())
                .versionId(version(versionId)).legalHold(hold -> hold.status(ObjectLockLegalHoldStatus.ON)))
                .responseMetadata().requestId();
    }

    static String errorCode(S3Exception e) {
        return e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
    }

    /** Notifications give the eTag bare; S3 answers give it in quotes. */
    private static String unquoted(String eTag) {
        return eTag == null ? "" : eTag.replace("\"", "");
    }

    private static String version(String versionId) {
        return versionId == null || versionId.isEmpty() ? null : versionId;
    }
}
