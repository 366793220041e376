package io.objectledger.events.rgw;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of an RGW bucket notification's {@code Records} array, as the gateway sent it
 * (event name already without the AWS {@code s3:} prefix).
 *
 * @param bucket   bucket name, {@code tenant:name} for a tenanted bucket
 * @param metadata every {@code {key,val}} pair RGW put in {@code metadata}: user metadata with
 *                 its {@code x-amz-meta-} prefix, and some request headers besides
 */
public record RgwRecord(String eventVersion, String eventSource, String eventName, Instant eventTime,
                        String principalId, String requestId, String gatewayId, String configurationId,
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
