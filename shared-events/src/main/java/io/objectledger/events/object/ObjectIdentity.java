package io.objectledger.events.object;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An object in the store: its bucket (which may carry an RGW tenant, {@code tenant:bucket}) and
 * its key, up to 1024 bytes of UTF-8 and any character. A value, like a record, but one that
 * keeps its {@link #aggregateId()} once computed: every service asks for it several times per
 * message, and SHA-256 is plain Java code under the C1 compiler the services run with. Its JSON
 * form, {@code {"bucket", "key"}}, is declared in {@code LedgerJson}.
 */
public final class ObjectIdentity {

    public static final int MAX_KEY_BYTES = 1024;

    private final String bucket;
    private final String key;
    /** Computed on first use (a race only computes the same string twice); not part of any JSON form. */
    private transient String aggregateId;

    public ObjectIdentity(String bucket, String key) {
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
        this.bucket = bucket;
        this.key = key;
    }

    public String bucket() {
        return bucket;
    }

    public String key() {
        return key;
    }

    /** The RGW tenant, or the empty string for the default tenant. */
    public String tenant() {
        return tenantOf(bucket);
    }

    /** The RGW tenant of a bucket name as the ledger writes it ({@code tenant:bucket}); empty for the default tenant. */
    public static String tenantOf(String bucket) {
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
        String id = aggregateId;
        if (id == null) {
            id = Sha256.hex(subject());
            aggregateId = id;
        }
        return id;
    }

    /** Human-readable identity, {@code bucket/key}; the CloudEvents subject. */
    public String subject() {
        return bucket + "/" + key;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ObjectIdentity that && bucket.equals(that.bucket) && key.equals(that.key);
    }

    @Override
    public int hashCode() {
        return 31 * bucket.hashCode() + key.hashCode();
    }

    @Override
    public String toString() {
        return "ObjectIdentity[bucket=" + bucket + ", key=" + key + "]";
    }
}
