package io.objectledger.support.consumer;

import io.objectledger.support.db.StoreUnavailableException;

import java.sql.SQLException;

/**
 * Why a record could not be processed, as far as its exception tells: the store failing, which
 * passes with time whatever the record, or the record itself. A consumer tries a record again
 * for as long as the store fails, and sets it aside after a bounded number of attempts otherwise.
 */
public enum FailureKind {

    /**
     * The database did not answer or refused for a reason of its own: a connection lost, a full
     * pool, a failover, a conflict with a concurrent writer. Never the record's fault.
     */
    STORE_OUTAGE,

    /** Anything else, and a database's data exception (SQLSTATE class 22: a value it cannot take). */
    RECORD;

    /** SQLSTATE class 22 is "data exception" in standard SQL, in H2 and in PostgreSQL alike. */
    private static final String DATA_EXCEPTION_CLASS = "22";
    /** Enough to reach the JDBC cause under a framework's wrappers, and to stop on a cyclic chain. */
    private static final int MAX_CAUSES = 32;

    public static FailureKind of(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            if (cause instanceof StoreUnavailableException) {
                return STORE_OUTAGE;
            }
            if (cause instanceof SQLException sql) {
                return isDataException(sql) ? RECORD : STORE_OUTAGE;
            }
        }
        return RECORD;
    }

    private static boolean isDataException(SQLException sql) {
        return sql instanceof java.sql.SQLDataException
                || sql.getSQLState() != null && sql.getSQLState().startsWith(DATA_EXCEPTION_CLASS);
    }
}
