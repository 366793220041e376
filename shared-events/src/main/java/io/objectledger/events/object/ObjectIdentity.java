package io.objectledger.events.object;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An object in the store: its bucket (which may carry an RGW tenant, {@code tenant:bucket}) and
 * its key, up to 1024 bytes of UTF-8 and any character.
 */
public record ObjectIdentity(String bucket, String key) {

    public static final int MAX_KEY_BYTES = 1024;

    public ObjectIdentity {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        if (bucket.isBlank()) {
            throw new IllegalArgumentException("bucket name is empty");
        }
        if (key.isEmpty()) {
            throw new IllegalArgumentException("object key is empty");
        }
        int keyBytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (keyBytes > MAX_KEY_BYTES) {
            throw new IllegalArgumentException(
                    "object key is " + keyBytes + " bytes of UTF-8, more than the S3 limit of " + MAX_KEY_BYTES);
        }
    }

    /** The RGW tenant, or the empty string for the default tenant. */
    public String tenant() {
        int colon = bucket.indexOf(':');
        return colon < 0 ? "" : bucket.substring(0, colon);
    }

    public String bucketName() {
        return bucket.substring(bucket.indexOf(':') + 1);
    }

    /**
     * A fixed-length identifier for database columns and Kafka keys. Derived by hashing, never
     * by truncating, so two keys that share a 1000-byte prefix stay apart. Bucket names cannot
     * contain '/', which makes the joined form unambiguous.
     */
    public String aggregateId() {
        return Sha256.hex(subject());
    }

    /** Human-readable identity, {@code bucket/key}; the CloudEvents subject. */
    public String subject() {
        return bucket + "/" + key;
    }
}
