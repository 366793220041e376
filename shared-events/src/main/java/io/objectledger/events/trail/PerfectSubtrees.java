package io.objectledger.events.trail;

/**
 * The stored hashes of a tree's perfect, aligned subtrees: {@code hash(level, index)} is the root
 * of the subtree over leaves {@code [index * 2^level, (index + 1) * 2^level)}, and level 0 is the
 * leaf hash of leaf {@code index}. Every root and proof is assembled from these, so a trail kept in
 * a database answers each with a handful of lookups instead of reading its leaves.
 */
@FunctionalInterface
public interface PerfectSubtrees {

    byte[] hash(int level, long index);
}
