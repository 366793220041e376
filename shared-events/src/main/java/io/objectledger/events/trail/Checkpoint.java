package io.objectledger.events.trail;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;

/**
 * A statement that the trail named {@code origin} held {@code treeSize} entries with Merkle root
 * {@code rootHash} at {@code time}. {@link #body()} is the text that is signed; each field is on
 * its own line, so an origin may not contain a line break.
 */
public record Checkpoint(String origin, long treeSize, byte[] rootHash, Instant time) {

    private static final int HASH_LENGTH = 32;

    public Checkpoint {
        Objects.requireNonNull(origin, "origin");
        if (origin.indexOf('\n') >= 0 || origin.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("an origin is one line: " + origin);
        }
        if (treeSize < 0) {
            throw new IllegalArgumentException("no tree of " + treeSize + " entries");
        }
        if (rootHash == null || rootHash.length != HASH_LENGTH) {
            throw new IllegalArgumentException("a root hash is " + HASH_LENGTH + " bytes");
        }
        rootHash = rootHash.clone();
        time = Objects.requireNonNull(time, "time").truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    public String body() {
        return origin + "\n" + treeSize + "\n" + MerkleHashes.hex(rootHash) + "\n"
                + TrailEntry.canonicalTime(time) + "\n";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that && origin.equals(that.origin) && treeSize == that.treeSize
                && Arrays.equals(rootHash, that.rootHash) && time.equals(that.time);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, treeSize, Arrays.hashCode(rootHash), time);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + body().replace('\n', ' ').trim() + "]";
    }
}
