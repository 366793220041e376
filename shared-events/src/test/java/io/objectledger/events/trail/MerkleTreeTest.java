package io.objectledger.events.trail;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MerkleTreeTest {

    private static final int MAX_SIZE = 70;
    private static final ReferenceTree TREE = ReferenceTree.ofSize(MAX_SIZE);
    private static final HexFormat HEX = HexFormat.of();

    /** The RFC 6962 test leaves of the certificate-transparency and transparency-dev/merkle test suites. */
    private static final String[] CT_LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"};
    private static final String[] CT_ROOTS = {
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    @Test
    void hashesMatchTheRfc6962TestVectors() {
        assertThat(MerkleHashes.hex(MerkleHashes.emptyRoot())).isEqualTo(CT_ROOTS[0]);
        assertThat(MerkleHashes.hex(MerkleHashes.leaf(new byte[0])))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        assertThat(MerkleHashes.hex(MerkleHashes.leaf("L123456".getBytes())))
                .isEqualTo("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56");
        assertThat(MerkleHashes.hex(MerkleHashes.node("N123".getBytes(), "N456".getBytes())))
                .isEqualTo("aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb");
    }

    @Test
    void rootsMatchTheRfc6962TestVectorsAtEverySize() {
        PerfectSubtrees tree = ctTree().subtrees();
        for (int size = 0; size <= CT_LEAVES.length; size++) {
            assertThat(MerkleHashes.hex(MerkleTree.root(tree, size))).as("size %d", size).isEqualTo(CT_ROOTS[size]);
        }
    }

    @Test
    void proofsMatchTheRfc6962TestVectors() {
        PerfectSubtrees tree = ctTree().subtrees();
        assertThat(hex(MerkleTree.inclusionProof(tree, 0, 8))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(MerkleTree.inclusionProof(tree, 5, 8))).containsExactly(
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hex(MerkleTree.inclusionProof(tree, 2, 3))).containsExactly(
                "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        assertThat(hex(MerkleTree.inclusionProof(tree, 1, 5))).containsExactly(
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertThat(hex(MerkleTree.consistencyProof(tree, 1, 8))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(MerkleTree.consistencyProof(tree, 6, 8))).containsExactly(
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hex(MerkleTree.consistencyProof(tree, 2, 5))).containsExactly(
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
    }

    @Test
    void rootEqualsTheReferenceAtEverySize() {
        for (int size = 0; size <= MAX_SIZE; size++) {
            assertThat(MerkleTree.root(TREE.subtrees(), size)).as("size %d", size).isEqualTo(TREE.root(size));
        }
    }

    @Test
    void rangeEqualsTheReferenceForEverySubrange() {
        for (int start = 0; start <= MAX_SIZE; start++) {
            for (int end = start; end <= MAX_SIZE; end++) {
                List<byte[]> leaves = new ArrayList<>();
                for (int i = start; i < end; i++) {
                    leaves.add(TREE.leaf(i));
                }
                Recording tree = new Recording(TREE.subtrees(), start, end);
                assertThat(MerkleTree.range(tree, start, end)).as("[%d, %d)", start, end)
                        .isEqualTo(ReferenceTree.mth(leaves));
            }
        }
    }

    @Test
    void rootAsksForOneAlignedPerfectSubtreePerSetBitOfTheSize() {
        for (int size = 0; size <= MAX_SIZE; size++) {
            Recording tree = new Recording(TREE.subtrees(), 0, size);
            MerkleTree.root(tree, size);
            assertThat(tree.calls).as("size %d", size).isEqualTo(Integer.bitCount(size));
        }
    }

    @Test
    void everyInclusionProofEqualsTheReferenceAndVerifies() {
        for (int size = 1; size <= MAX_SIZE; size++) {
            byte[] root = TREE.root(size);
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = MerkleTree.inclusionProof(new Recording(TREE.subtrees(), 0, size), index, size);
                assertThat(proof).as("leaf %d of %d", index, size).containsExactlyElementsOf(TREE.path(index, size));
                assertThat(MerkleTree.verifyInclusion(TREE.leaf(index), index, size, proof, root))
                        .as("leaf %d of %d", index, size).isTrue();
            }
        }
    }

    @Test
    void anInclusionProofFailsForAnotherLeafIndexOrRoot() {
        for (int size = 1; size <= MAX_SIZE; size++) {
            byte[] root = TREE.root(size);
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = MerkleTree.inclusionProof(TREE.subtrees(), index, size);
                byte[] otherLeaf = TREE.leaf((index + 1) % MAX_SIZE);
                assertThat(MerkleTree.verifyInclusion(otherLeaf, index, size, proof, root)).isFalse();
                assertThat(MerkleTree.verifyInclusion(TREE.leaf(index), index, size, proof, flipped(root))).isFalse();
                assertThat(MerkleTree.verifyInclusion(TREE.leaf(index), index, size, proof, TREE.root(size - 1)))
                        .isFalse();
                for (int other = 0; other <= size; other++) {
                    if (other != index) {
                        assertThat(MerkleTree.verifyInclusion(TREE.leaf(index), other, size, proof, root))
                                .as("leaf %d of %d claimed as %d", index, size, other).isFalse();
                    }
                }
                for (int i = 0; i < proof.size(); i++) {
                    List<byte[]> altered = new ArrayList<>(proof);
                    altered.set(i, flipped(proof.get(i)));
                    assertThat(MerkleTree.verifyInclusion(TREE.leaf(index), index, size, altered, root)).isFalse();
                }
                List<byte[]> longer = new ArrayList<>(proof);
                longer.add(root);
                assertThat(MerkleTree.verifyInclusion(TREE.leaf(index), index, size, longer, root)).isFalse();
            }
        }
    }

    @Test
    void everyConsistencyProofEqualsTheReferenceAndVerifies() {
        for (int newSize = 1; newSize <= MAX_SIZE; newSize++) {
            for (int oldSize = 1; oldSize <= newSize; oldSize++) {
                List<byte[]> proof = MerkleTree.consistencyProof(new Recording(TREE.subtrees(), 0, newSize),
                        oldSize, newSize);
                assertThat(proof).as("%d to %d", oldSize, newSize)
                        .containsExactlyElementsOf(TREE.proof(oldSize, newSize));
                assertThat(MerkleTree.verifyConsistency(oldSize, newSize, TREE.root(oldSize), TREE.root(newSize), proof))
                        .as("%d to %d", oldSize, newSize).isTrue();
            }
        }
    }

    @Test
    void aConsistencyProofFailsWhenARootOrTheProofIsWrong() {
        for (int newSize = 1; newSize <= MAX_SIZE; newSize++) {
            for (int oldSize = 1; oldSize <= newSize; oldSize++) {
                List<byte[]> proof = MerkleTree.consistencyProof(TREE.subtrees(), oldSize, newSize);
                byte[] oldRoot = TREE.root(oldSize);
                byte[] newRoot = TREE.root(newSize);
                assertThat(MerkleTree.verifyConsistency(oldSize, newSize, flipped(oldRoot), newRoot, proof))
                        .as("%d to %d, old root wrong", oldSize, newSize).isFalse();
                assertThat(MerkleTree.verifyConsistency(oldSize, newSize, oldRoot, flipped(newRoot), proof))
                        .as("%d to %d, new root wrong", oldSize, newSize).isFalse();
                for (int i = 0; i < proof.size(); i++) {
                    List<byte[]> altered = new ArrayList<>(proof);
                    altered.set(i, flipped(proof.get(i)));
                    assertThat(MerkleTree.verifyConsistency(oldSize, newSize, oldRoot, newRoot, altered))
                            .as("%d to %d, proof[%d] wrong", oldSize, newSize, i).isFalse();
                }
                if (newSize < MAX_SIZE) {
                    assertThat(MerkleTree.verifyConsistency(oldSize, newSize + 1, oldRoot, TREE.root(newSize + 1), proof))
                            .as("%d to %d, proof for %d", oldSize, newSize + 1, newSize).isFalse();
                }
            }
        }
    }

    @Test
    void theEmptyTreeIsConsistentWithEveryTree() {
        assertThat(MerkleTree.consistencyProof(TREE.subtrees(), 0, 5)).isEmpty();
        assertThat(MerkleTree.verifyConsistency(0, 5, MerkleHashes.emptyRoot(), TREE.root(5), List.of())).isTrue();
        assertThat(MerkleTree.verifyConsistency(0, 5, TREE.root(1), TREE.root(5), List.of())).isFalse();
        assertThat(MerkleTree.verifyConsistency(5, 4, TREE.root(5), TREE.root(4), List.of())).isFalse();
    }

    @Test
    void proofsRefuseLeavesOutsideTheTree() {
        assertThatThrownBy(() -> MerkleTree.inclusionProof(TREE.subtrees(), 5, 5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.consistencyProof(TREE.subtrees(), 6, 5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(MerkleTree.verifyInclusion(TREE.leaf(0), 0, 0, List.of(), MerkleHashes.emptyRoot())).isFalse();
    }

    static ReferenceTree ctTree() {
        List<byte[]> leaves = new ArrayList<>();
        for (String leaf : CT_LEAVES) {
            leaves.add(ReferenceTree.leafHash(HEX.parseHex(leaf)));
        }
        return new ReferenceTree(leaves);
    }

    static byte[] flipped(byte[] hash) {
        byte[] copy = hash.clone();
        copy[0] ^= 8;
        return copy;
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    /** Counts the subtrees asked for and fails on any that is not perfect, aligned and inside [start, end). */
    static final class Recording implements PerfectSubtrees {

        private final PerfectSubtrees stored;
        private final long start;
        private final long end;
        int calls;

        Recording(PerfectSubtrees stored, long start, long end) {
            this.stored = stored;
            this.start = start;
            this.end = end;
        }

        @Override
        public byte[] hash(int level, long index) {
            calls++;
            long from = index << level;
            assertThat(level).isBetween(0, 62);
            assertThat(from).as("subtree (%d, %d)", level, index).isGreaterThanOrEqualTo(start);
            assertThat(from + (1L << level)).as("subtree (%d, %d)", level, index).isLessThanOrEqualTo(end);
            return stored.hash(level, index);
        }
    }
}
