package io.objectledger.events.rgw;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of an RGW bucket notification's {@code Records} array, as the gateway sent it
 * (event name already without the AWS {@code s3:} prefix).
 *
 * @param principalId who made the request, as the gateway sent it ({@code u1}, or {@code t1$u1} where the
 *                    gateway qualifies it)
 * @param ownerId  who owns the bucket ({@code s3.bucket.ownerIdentity.principalId}), as sent
 * @param sourceIp {@code requestParameters.sourceIPAddress}; RGW 16.2 sends it empty
 * @param bucket   {@code tenant:name} for a bucket of a non-default RGW tenant, the bare name for the
 *                 default tenant's, whichever form the gateway used to say so
 * @param metadata every {@code {key,val}} pair RGW put in {@code metadata}: user metadata with
 *                 its {@code x-amz-meta-} prefix, and some request headers besides
 */
public record RgwRecord(String eventVersion, String eventSource, String eventName, Instant eventTime,
                        String principalId, String ownerId, String sourceIp,
                        String requestId, String gatewayId, String configurationId,
                        String bucket, String key, long size, String eTag, String versionId, String sequencer,
                        Map<String, String> metadata, Map<String, String> tags,
                        String eventId, String opaqueData) {

    static final String USER_METADATA_PREFIX = "x-amz-meta-";

    /** User metadata only, keys without the {@code x-amz-meta-} prefix, as the S3 API shows them. */
    public Map<String, String> userMetadata() {
        Map<String, String> user = new LinkedHashMap<>();
        metadata.forEach((name, value) -> {
            if (name.startsWith(USER_METADATA_PREFIX)) {
                user.put(name.substring(USER_METADATA_PREFIX.length()), value);
            }
        });
        return user;
    }
}
