package io.objectledger.audit.checkpoint;

/**
 * The stored tree no longer has the root of a checkpoint signed earlier: entries it covers were
 * changed, removed or reordered in the database. No checkpoint is signed over such a trail.
 */
public class HistoryRewrittenException extends RuntimeException {

    public HistoryRewrittenException(long treeSize) {
        super("The stored audit trail no longer has the root signed at size " + treeSize + ": entries up to that "
                + "position were changed, removed or reordered in the database; no checkpoint is signed over it. "
                + "Verify the trail (POST /api/audit/verification) to find the first affected position");
    }
}
