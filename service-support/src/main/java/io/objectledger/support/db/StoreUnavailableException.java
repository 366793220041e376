package io.objectledger.support.db;

/**
 * The database did not answer or refused the statement: a condition that passes (a restart, a
 * failover, a full pool), so a query answers 503 and a consumer fetches its batch again.
 */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
