package io.objectledger.events.trail;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hashes of an RFC 9162 (section 2.1.1) Merkle tree over SHA-256. Leaves and interior nodes
 * are hashed with different prefixes, so that no leaf can be passed off as a node: without it a
 * proof could present two child hashes concatenated as one forged entry.
 */
public final class MerkleHashes {

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    private static final HexFormat HEX = HexFormat.of();
    /** One digest per thread: looking the algorithm up for every node costs as much as hashing it. */
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(MerkleHashes::newDigest);

    /** The root of the empty tree, SHA-256 of nothing; kept private because an array can be changed. */
    private static final byte[] EMPTY_ROOT = sha256(new byte[0]);

    private MerkleHashes() {
    }

    /** A copy of the root of the empty tree. */
    public static byte[] emptyRoot() {
        return EMPTY_ROOT.clone();
    }

    public static byte[] leaf(byte[] entry) {
        MessageDigest digest = DIGEST.get();
        digest.update(LEAF_PREFIX);
        return digest.digest(entry);
    }

    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest digest = DIGEST.get();
        digest.update(NODE_PREFIX);
        digest.update(left);
        return digest.digest(right);
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** @throws IllegalArgumentException if {@code hex} is not an even number of hex digits */
    public static byte[] unhex(String hex) {
        return HEX.parseHex(hex);
    }

    static byte[] sha256(byte[] bytes) {
        return DIGEST.get().digest(bytes);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
