package io.objectledger.audit.tree;

import io.objectledger.support.db.StoreUnavailableException;

/** The database did not answer a read of the tree; the API answers 503 as for any unavailable store. */
public class TreeUnreadableException extends StoreUnavailableException {

    public TreeUnreadableException(String message, Throwable cause) {
        super(message, cause);
    }
}
