package io.objectledger.bench.generate;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;

/** Identifiers in the forms an RGW 16.2 gateway writes them. */
final class GatewayIds {

    static final String CLUSTER = "e32d1936-84ee-4058-8f2b-631d092480cb";
    private static final String VERSION_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-_";

    private final Random random;

    GatewayIds(Random random) {
        this.random = random;
    }

    /** {@code <cluster>.<rgw instance>.<64-bit decimal>}. */
    String requestId() {
        return CLUSTER + ".4114." + Long.toUnsignedString(random.nextLong());
    }

    /** Versioned buckets name versions with 31 or 32 characters. */
    String versionId() {
        int length = 31 + random.nextInt(2);
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(VERSION_ALPHABET.charAt(random.nextInt(VERSION_ALPHABET.length())));
        }
        return id.toString();
    }

    String md5Hex() {
        return hex(16);
    }

    String sha256Hex() {
        return hex(32);
    }

    /** The gateway's clock in little-endian hex, 16 characters: not a counter. */
    static String sequencer(Instant at) {
        long micros = at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
        return String.format("%016X", Long.reverseBytes(micros));
    }

    /** {@code <epoch seconds>.<microseconds>.<etag>}, as RGW builds {@code eventId}. */
    static String eventId(Instant at, String eTag) {
        return at.getEpochSecond() + "." + String.format("%06d", at.getNano() / 1_000) + "." + eTag;
    }

    private String hex(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
