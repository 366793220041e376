package io.objectledger.events.trail;

import io.objectledger.events.object.Sha256;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One audit-trail entry as the trail's Merkle tree commits to it: {@link #encoded()} is the leaf.
 * Each field is written with its length in UTF-8 bytes, so no text can move from one field into
 * its neighbour without changing the leaf.
 *
 * <p>The event's payload, where an object's user metadata lives, is not in the leaf itself, only
 * its salted hash {@code payloadCommitment}: the payload can later be erased for privacy while the
 * leaf, and with it every other field and every signed root, still verifies. The random salt keeps
 * anyone from confirming a guessed payload against the commitment once the payload is gone. This
 * tree is separate from the per-object hash chain of the audit service ({@code HashChain}), which
 * hashes the payload itself.
 *
 * <p>Null strings stand for "" and times are kept to the microsecond, as the trail stores them.
 *
 * @param position          the entry's 1-based position in the whole trail
 * @param payloadSalt       16 random bytes as hex, see {@link #newSalt()}
 * @param payloadCommitment {@link #payloadCommitment(String, String)} of the salt and the payload
 */
public record TrailEntry(long position, String eventId, String objectId, String bucket, String key,
                         String versionId, long sequence, String eventType, String eventName, Instant eventTime,
                         Instant receivedAt, Instant recordedAt, String principalId, String ownerId,
                         String sourceIp, String requestId, String gatewayId, String payloadSalt,
                         String payloadCommitment) {

    /** Names the encoding, so that a later change to it cannot be mistaken for this one. */
    private static final String FORMAT_LINE = "object-ledger-leaf/1\n";
    private static final DateTimeFormatter CANONICAL_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SALT_BYTES = 16;

    public TrailEntry {
        eventId = orEmpty(eventId);
        objectId = orEmpty(objectId);
        bucket = orEmpty(bucket);
        key = orEmpty(key);
        versionId = orEmpty(versionId);
        eventType = orEmpty(eventType);
        eventName = orEmpty(eventName);
        eventTime = toMicros(eventTime, "eventTime");
        receivedAt = toMicros(receivedAt, "receivedAt");
        recordedAt = toMicros(recordedAt, "recordedAt");
        principalId = orEmpty(principalId);
        ownerId = orEmpty(ownerId);
        sourceIp = orEmpty(sourceIp);
        requestId = orEmpty(requestId);
        gatewayId = orEmpty(gatewayId);
        payloadSalt = orEmpty(payloadSalt);
        payloadCommitment = orEmpty(payloadCommitment);
    }

    /** The format line, then each field in declaration order as {@code <UTF-8 length>:<value>\n}. */
    public byte[] encoded() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        out.writeBytes(FORMAT_LINE.getBytes(StandardCharsets.UTF_8));
        for (String field : new String[]{Long.toString(position), eventId, objectId, bucket, key, versionId,
                Long.toString(sequence), eventType, eventName, canonicalTime(eventTime), canonicalTime(receivedAt),
                canonicalTime(recordedAt), principalId, ownerId, sourceIp, requestId, gatewayId, payloadSalt,
                payloadCommitment}) {
            byte[] value = field.getBytes(StandardCharsets.UTF_8);
            out.writeBytes((value.length + ":").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(value);
            out.write('\n');
        }
        return out.toByteArray();
    }

    public byte[] leafHash() {
        return MerkleHashes.leaf(encoded());
    }

    /** Always six fraction digits in UTC, so that one instant has one text wherever it was read from. */
    public static String canonicalTime(Instant time) {
        return CANONICAL_TIME.format(time);
    }

    /** Hex SHA-256 of the salt's bytes followed by the payload's UTF-8 bytes. */
    public static String payloadCommitment(String payloadSaltHex, String payload) {
        byte[] salt = MerkleHashes.unhex(orEmpty(payloadSaltHex));
        byte[] text = orEmpty(payload).getBytes(StandardCharsets.UTF_8);
        byte[] salted = new byte[salt.length + text.length];
        System.arraycopy(salt, 0, salted, 0, salt.length);
        System.arraycopy(text, 0, salted, salt.length, text.length);
        return Sha256.hex(salted);
    }

    /** A fresh salt for one entry's payload commitment: 16 random bytes as hex. */
    public static String newSalt() {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return MerkleHashes.hex(salt);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static Instant toMicros(Instant time, String name) {
        return Objects.requireNonNull(time, name).truncatedTo(ChronoUnit.MICROS);
    }
}
