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
     * pool, a failover, a missing table or grant, a unique violation (SQLSTATE 23505, how a
     * concurrent append of the same aggregate sequence is reported). Tried again for as long as it
     * lasts, whatever the record.
     */
    STORE_OUTAGE,

    /**
     * Anything else, and the database refusing the record's values: a data exception (SQLSTATE
     * class 22) or an integrity constraint violation other than a unique one (class 23: NOT NULL,
     * foreign key, check), which a retry of the same record meets again.
     */
    RECORD;

    /** SQLSTATE class 22 is "data exception" in standard SQL, in H2 and in PostgreSQL alike. */
    private static final String DATA_EXCEPTION_CLASS = "22";
    /** SQLSTATE class 23 is "integrity constraint violation", likewise. */
    private static final String INTEGRITY_CONSTRAINT_CLASS = "23";
    /** A concurrent writer took the same key first; the next attempt reads its write and passes. */
    private static final String UNIQUE_VIOLATION = "23505";
    /** Enough to reach the JDBC cause under a framework's wrappers, and to stop on a cyclic chain. */
    private static final int MAX_CAUSES = 32;

    public static FailureKind of(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            if (cause instanceof StoreUnavailableException) {
                return STORE_OUTAGE;
            }
            if (cause instanceof SQLException sql) {
                return refusesTheRecord(sql) ? RECORD : STORE_OUTAGE;
            }
        }
        return RECORD;
    }

    private static boolean refusesTheRecord(SQLException sql) {
        if (sql instanceof java.sql.SQLDataException) {
            return true;
        }
        String state = sql.getSQLState();
        if (state == null) {
            return false;
        }
        return state.startsWith(DATA_EXCEPTION_CLASS)
                || state.startsWith(INTEGRITY_CONSTRAINT_CLASS) && !state.equals(UNIQUE_VIOLATION);
    }
}
