package io.objectledger.events.trail;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The root of a growing tree in O(log n) memory: the roots of the perfect subtrees that cover
 * leaves [0, size), one per set bit of size, largest first. Appending a leaf merges equal-sized
 * subtrees like a carry in binary addition, so an export of any length is checked in one pass.
 */
public final class CompactRange {

    private static final int MAX_LEVEL = 62;

    private final List<byte[]> subtrees = new ArrayList<>();
    private long size;

    /** The range of the empty tree. */
    public CompactRange() {
    }

    /** The range over [0, size), read from the stored subtrees. */
    public static CompactRange prefix(PerfectSubtrees tree, long size) {
        if (size < 0) {
            throw new IllegalArgumentException("no tree of " + size + " leaves");
        }
        CompactRange range = new CompactRange();
        appendRange(range, tree, size);
        return range;
    }

    /** Extends {@code range} to [0, end) with the largest aligned stored subtree that fits each time. */
    public static void appendRange(CompactRange range, PerfectSubtrees tree, long end) {
        if (end < range.size) {
            throw new IllegalArgumentException("a range of " + range.size + " leaves cannot shrink to " + end);
        }
        while (range.size < end) {
            int level = 63 - Long.numberOfLeadingZeros(end - range.size);
            if (range.size > 0) {
                level = Math.min(level, Long.numberOfTrailingZeros(range.size));
            }
            range.appendSubtree(level, tree.hash(level, range.size >>> level));
        }
    }

    public void append(byte[] leafHash) {
        appendSubtree(0, leafHash);
    }

    /**
     * Appends the root of a perfect subtree of 2^level leaves, which must start where the range
     * ends and be aligned there (the range's size a multiple of 2^level).
     *
     * @throws IllegalStateException if the subtree would not be aligned at the end of the range
     */
    public void appendSubtree(int level, byte[] hash) {
        Objects.requireNonNull(hash, "hash");
        if (level < 0 || level > MAX_LEVEL) {
            throw new IllegalStateException("no subtree of level " + level);
        }
        long width = 1L << level;
        if (size % width != 0) {
            throw new IllegalStateException("a subtree of 2^" + level + " leaves cannot follow " + size
                    + " leaves: it must start at a multiple of its own width");
        }
        if (size > Long.MAX_VALUE - width) {
            throw new IllegalStateException("a tree of more than " + Long.MAX_VALUE + " leaves");
        }
        byte[] merged = hash.clone();
        for (long carry = size >>> level; (carry & 1) == 1; carry >>>= 1) {
            merged = MerkleHashes.node(subtrees.remove(subtrees.size() - 1), merged);
        }
        subtrees.add(merged);
        size += width;
    }

    public long size() {
        return size;
    }

    /** MTH(D[0:size]): the subtrees folded from the smallest, which is how RFC 9162 splits the tree. */
    public byte[] root() {
        if (subtrees.isEmpty()) {
            return MerkleHashes.emptyRoot();
        }
        byte[] root = subtrees.get(subtrees.size() - 1).clone();
        for (int i = subtrees.size() - 2; i >= 0; i--) {
            root = MerkleHashes.node(subtrees.get(i), root);
        }
        return root;
    }
}
