package io.objectledger.events.trail;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162's definitions written out literally over in-memory leaves, with its own hashing, to
 * check the tree code against: MTH, PATH and PROOF exactly as section 2.1 states them.
 */
final class ReferenceTree {

    private final List<byte[]> leafHashes;

    ReferenceTree(List<byte[]> leafHashes) {
        this.leafHashes = List.copyOf(leafHashes);
    }

    /** A tree of {@code size} leaves whose entries are distinct, "entry-0", "entry-1", ... */
    static ReferenceTree ofSize(int size) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            leaves.add(leafHash(("entry-" + i).getBytes()));
        }
        return new ReferenceTree(leaves);
    }

    static byte[] leafHash(byte[] entry) {
        return sha256(new byte[]{0}, entry);
    }

    static byte[] nodeHash(byte[] left, byte[] right) {
        return sha256(new byte[]{1}, left, right);
    }

    byte[] leaf(int index) {
        return leafHashes.get(index);
    }

    int size() {
        return leafHashes.size();
    }

    /** The stored subtrees as a database would answer them; asking beyond the leaves fails. */
    PerfectSubtrees subtrees() {
        return (level, index) -> {
            long from = index << level;
            long to = (index + 1) << level;
            if (level < 0 || index < 0 || to > leafHashes.size()) {
                throw new AssertionError("no stored subtree (" + level + ", " + index + ") in " + leafHashes.size());
            }
            return mth(leafHashes.subList((int) from, (int) to));
        };
    }

    byte[] root(int size) {
        return mth(leafHashes.subList(0, size));
    }

    List<byte[]> path(int index, int size) {
        return path(index, leafHashes.subList(0, size));
    }

    List<byte[]> proof(int oldSize, int newSize) {
        return subproof(oldSize, leafHashes.subList(0, newSize), true);
    }

    static byte[] mth(List<byte[]> d) {
        int n = d.size();
        if (n == 0) {
            return sha256();
        }
        if (n == 1) {
            return d.get(0);
        }
        int k = k(n);
        return nodeHash(mth(d.subList(0, k)), mth(d.subList(k, n)));
    }

    private static List<byte[]> path(int m, List<byte[]> d) {
        int n = d.size();
        List<byte[]> result = new ArrayList<>();
        if (n == 1) {
            return result;
        }
        int k = k(n);
        if (m < k) {
            result.addAll(path(m, d.subList(0, k)));
            result.add(mth(d.subList(k, n)));
        } else {
            result.addAll(path(m - k, d.subList(k, n)));
            result.add(mth(d.subList(0, k)));
        }
        return result;
    }

    private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        int n = d.size();
        List<byte[]> result = new ArrayList<>();
        if (m == n) {
            if (!b) {
                result.add(mth(d));
            }
            return result;
        }
        int k = k(n);
        if (m <= k) {
            result.addAll(subproof(m, d.subList(0, k), b));
            result.add(mth(d.subList(k, n)));
        } else {
            result.addAll(subproof(m - k, d.subList(k, n), false));
            result.add(mth(d.subList(0, k)));
        }
        return result;
    }

    /** The largest power of two smaller than n. */
    private static int k(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
