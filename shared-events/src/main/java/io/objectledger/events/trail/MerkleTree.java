package io.objectledger.events.trail;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Roots and proofs of an RFC 9162 (section 2.1) Merkle tree, leaves indexed from 0. Every hash is
 * put together from {@link PerfectSubtrees} answers for aligned perfect subtrees inside the tree,
 * so a proof over a stored trail costs O(log n) lookups and never reads a leaf it does not need.
 */
public final class MerkleTree {

    private static final int HASH_LENGTH = 32;

    private MerkleTree() {
    }

    /** MTH(D[0:size]). */
    public static byte[] root(PerfectSubtrees tree, long size) {
        return range(tree, 0, size);
    }

    /** MTH(D[start:end]), split where the RFC splits it, so each piece is a perfect subtree once aligned. */
    public static byte[] range(PerfectSubtrees tree, long start, long end) {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("no leaf range [" + start + ", " + end + ")");
        }
        long n = end - start;
        if (n == 0) {
            return MerkleHashes.emptyRoot();
        }
        if (Long.bitCount(n) == 1 && start % n == 0) {
            return tree.hash(Long.numberOfTrailingZeros(n), start / n);
        }
        long k = largestPowerOfTwoBelow(n);
        return MerkleHashes.node(range(tree, start, start + k), range(tree, start + k, end));
    }

    /** PATH(index, D[0:size]): the sibling hashes from the leaf up to the root. */
    public static List<byte[]> inclusionProof(PerfectSubtrees tree, long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size + " leaves");
        }
        List<byte[]> proof = new ArrayList<>();
        path(tree, index, 0, size, proof);
        return Collections.unmodifiableList(proof);
    }

    /** PROOF(oldSize, D[0:newSize]); empty when the sizes are equal or the old tree is empty. */
    public static List<byte[]> consistencyProof(PerfectSubtrees tree, long oldSize, long newSize) {
        if (oldSize < 0 || newSize < oldSize) {
            throw new IllegalArgumentException("a tree of " + oldSize + " leaves cannot grow into one of " + newSize);
        }
        List<byte[]> proof = new ArrayList<>();
        if (oldSize > 0 && oldSize < newSize) {
            subproof(tree, oldSize, 0, newSize, true, proof);
        }
        return Collections.unmodifiableList(proof);
    }

    /** RFC 9162 section 2.1.3.2. */
    public static boolean verifyInclusion(byte[] leafHash, long index, long size, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size || !isHash(leafHash) || !isHash(root) || proof == null) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0 || !isHash(p)) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHashes.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = MerkleHashes.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * RFC 9162 section 2.1.4.2, which covers 0 < oldSize < newSize; equal sizes need equal roots
     * and no proof, and every tree extends the empty one.
     */
    public static boolean verifyConsistency(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot,
                                            List<byte[]> proof) {
        if (oldSize < 0 || newSize < oldSize || !isHash(oldRoot) || !isHash(newRoot) || proof == null) {
            return false;
        }
        if (oldSize == newSize) {
            return proof.isEmpty() && MessageDigest.isEqual(oldRoot, newRoot);
        }
        if (oldSize == 0) {
            return proof.isEmpty() && MessageDigest.isEqual(oldRoot, MerkleHashes.emptyRoot());
        }
        if (proof.isEmpty() || !proof.stream().allMatch(MerkleTree::isHash)) {
            return false;
        }
        // A power-of-two old tree is itself a node of the new one, so the proof leaves it out.
        boolean oldTreeIsNode = Long.bitCount(oldSize) == 1;
        byte[] fr = oldTreeIsNode ? oldRoot : proof.get(0);
        byte[] sr = fr;
        long fn = oldSize - 1;
        long sn = newSize - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        for (byte[] c : proof.subList(oldTreeIsNode ? 0 : 1, proof.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHashes.node(c, fr);
                sr = MerkleHashes.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = MerkleHashes.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, oldRoot) && MessageDigest.isEqual(sr, newRoot);
    }

    private static void path(PerfectSubtrees tree, long index, long start, long end, List<byte[]> proof) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long split = start + largestPowerOfTwoBelow(n);
        if (index < split) {
            path(tree, index, start, split, proof);
            proof.add(range(tree, split, end));
        } else {
            path(tree, index, split, end, proof);
            proof.add(range(tree, start, split));
        }
    }

    /** SUBPROOF(m, D[start:end], complete), m counted from start. */
    private static void subproof(PerfectSubtrees tree, long m, long start, long end, boolean complete,
                                 List<byte[]> proof) {
        long n = end - start;
        if (m == n) {
            if (!complete) {
                proof.add(range(tree, start, end));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(tree, m, start, start + k, complete, proof);
            proof.add(range(tree, start + k, end));
        } else {
            subproof(tree, m - k, start + k, end, false, proof);
            proof.add(range(tree, start, start + k));
        }
    }

    /** The k of RFC 9162: the largest power of two smaller than n, for n >= 2. */
    private static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static boolean isHash(byte[] hash) {
        return hash != null && hash.length == HASH_LENGTH;
    }
}
