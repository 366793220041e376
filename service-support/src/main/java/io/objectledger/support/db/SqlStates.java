package io.objectledger.support.db;

import java.sql.SQLException;

/** Portable reading of SQL errors across PostgreSQL and H2. */
public final class SqlStates {

    private static final String UNIQUE_VIOLATION = "23505";

    private SqlStates() {
    }

    public static boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }
}
