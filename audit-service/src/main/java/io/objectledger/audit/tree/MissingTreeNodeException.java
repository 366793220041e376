package io.objectledger.audit.tree;

/**
 * A hash the tree needs is not in the database: an entry without its leaf, a missing position, or
 * a removed inner node. Verification reports it as a failure at the position it affects.
 */
public class MissingTreeNodeException extends RuntimeException {

    private final long firstAffectedPosition;

    public MissingTreeNodeException(int level, long index) {
        super(level == 0 ? "the trail has no entry, or no leaf hash, at position " + (index + 1)
                : "the trail's tree has no node " + index + " at level " + level);
        this.firstAffectedPosition = (index << level) + 1;
    }

    /** The first position whose entry the missing hash covers. */
    public long firstAffectedPosition() {
        return firstAffectedPosition;
    }
}
