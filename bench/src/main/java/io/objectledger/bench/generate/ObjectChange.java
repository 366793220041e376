package io.objectledger.bench.generate;

import io.objectledger.events.object.ObjectIdentity;

import java.time.Instant;
import java.util.Map;

/**
 * One change at the gateway: everything the ledger's change id is made of (bucket, key,
 * version id, event name, request id, event time) and the object's facts after it.
 *
 * @param metadata RGW's {@code metadata} pairs, request headers and {@code x-amz-meta-} ones alike
 */
public record ObjectChange(String bucket, String key, String versionId, ChangeKind kind, Instant eventTime,
                           String requestId, long size, String eTag, Map<String, String> metadata,
                           Map<String, String> tags) {

    public String objectId() {
        return new ObjectIdentity(bucket, key).aggregateId();
    }
}
