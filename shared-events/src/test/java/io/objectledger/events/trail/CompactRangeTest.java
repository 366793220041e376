package io.objectledger.events.trail;

import io.objectledger.events.trail.MerkleTreeTest.Recording;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompactRangeTest {

    private static final int MAX_SIZE = 70;
    private static final ReferenceTree TREE = ReferenceTree.ofSize(MAX_SIZE);

    @Test
    void appendingLeavesOneByOneGivesTheReferenceRootAtEverySize() {
        CompactRange range = new CompactRange();
        assertThat(range.root()).isEqualTo(ReferenceTree.sha256());
        for (int size = 1; size <= MAX_SIZE; size++) {
            range.append(TREE.leaf(size - 1));
            assertThat(range.size()).isEqualTo(size);
            assertThat(range.root()).as("size %d", size).isEqualTo(TREE.root(size));
        }
    }

    @Test
    void aPrefixReadFromStoredSubtreesGivesTheReferenceRoot() {
        for (int size = 0; size <= MAX_SIZE; size++) {
            Recording stored = new Recording(TREE.subtrees(), 0, size);
            CompactRange range = CompactRange.prefix(stored, size);
            assertThat(range.size()).isEqualTo(size);
            assertThat(range.root()).as("size %d", size).isEqualTo(TREE.root(size));
            assertThat(stored.calls).as("size %d", size).isEqualTo(Integer.bitCount(size));
        }
    }

    @Test
    void aPrefixExtendedWithStoredSubtreesGivesTheReferenceRoot() {
        for (int oldSize = 0; oldSize <= MAX_SIZE; oldSize++) {
            for (int newSize = oldSize; newSize <= MAX_SIZE; newSize++) {
                CompactRange range = CompactRange.prefix(TREE.subtrees(), oldSize);
                CompactRange.appendRange(range, new Recording(TREE.subtrees(), oldSize, newSize), newSize);
                assertThat(range.size()).isEqualTo(newSize);
                assertThat(range.root()).as("%d then %d", oldSize, newSize).isEqualTo(TREE.root(newSize));
            }
        }
    }

    @Test
    void leavesAppendedAfterStoredSubtreesGiveTheReferenceRoot() {
        CompactRange range = CompactRange.prefix(TREE.subtrees(), 37);
        for (int size = 38; size <= MAX_SIZE; size++) {
            range.append(TREE.leaf(size - 1));
            assertThat(range.root()).as("size %d", size).isEqualTo(TREE.root(size));
        }
    }

    @Test
    void aSubtreeMustStartAtAMultipleOfItsWidth() {
        CompactRange range = new CompactRange();
        range.append(TREE.leaf(0));
        assertThatThrownBy(() -> range.appendSubtree(1, TREE.root(2))).isInstanceOf(IllegalStateException.class);
        range.append(TREE.leaf(1));
        range.appendSubtree(1, ReferenceTree.nodeHash(TREE.leaf(2), TREE.leaf(3)));
        assertThat(range.root()).isEqualTo(TREE.root(4));
        assertThatThrownBy(() -> range.appendSubtree(3, TREE.root(8))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRangeCannotShrink() {
        CompactRange range = CompactRange.prefix(TREE.subtrees(), 5);
        assertThatThrownBy(() -> CompactRange.appendRange(range, TREE.subtrees(), 4))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
