package io.objectledger.lifecycle.messaging;

import io.objectledger.lifecycle.eventstore.JdbcTransactionManager;
import io.objectledger.support.consumer.FailureKind;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** How real database failures, as the event store's transactions meet them, are classified. */
class StoreFailureKindTest {

    @Test
    void databaseThatCannotBeReachedIsAnOutage() {
        JdbcDataSource unreachable = new JdbcDataSource();
        unreachable.setURL("jdbc:h2:tcp://127.0.0.1:1/nothing-listens-here");

        Throwable failure = catchThrowable(() -> new JdbcTransactionManager(unreachable).startTransaction());

        assertThat(failure).isNotNull();
        assertThat(FailureKind.of(failure)).isEqualTo(FailureKind.STORE_OUTAGE);
    }

    @Test
    void valueTheColumnCannotHoldIsTheCommandsFault() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:failure-kinds;DB_CLOSE_DELAY=-1");
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE narrow (name VARCHAR(4))");

            Throwable failure = catchThrowable(() -> statement.execute("INSERT INTO narrow VALUES ('far too long')"));

            assertThat(FailureKind.of(new IllegalStateException("append failed", failure))).isEqualTo(FailureKind.RECORD);
        }
    }

    @Test
    void constraintTheCommandBreaksIsItsFaultButADuplicateKeyIsAConcurrentWriters() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:constraint-kinds;DB_CLOSE_DELAY=-1");
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE parent (id INT PRIMARY KEY)");
            statement.execute("CREATE TABLE child (id INT PRIMARY KEY, parent INT NOT NULL REFERENCES parent(id))");
            statement.execute("INSERT INTO parent VALUES (1)");
            statement.execute("INSERT INTO child VALUES (1, 1)");

            Throwable notNull = catchThrowable(() -> statement.execute("INSERT INTO child VALUES (2, NULL)"));
            Throwable noParent = catchThrowable(() -> statement.execute("INSERT INTO child VALUES (3, 99)"));
            Throwable duplicate = catchThrowable(() -> statement.execute("INSERT INTO child VALUES (1, 1)"));

            assertThat(FailureKind.of(new IllegalStateException("append failed", notNull))).isEqualTo(FailureKind.RECORD);
            assertThat(FailureKind.of(new IllegalStateException("append failed", noParent))).isEqualTo(FailureKind.RECORD);
            assertThat(((SQLException) duplicate).getSQLState()).isEqualTo("23505");
            assertThat(FailureKind.of(new IllegalStateException("append failed", duplicate)))
                    .isEqualTo(FailureKind.STORE_OUTAGE);
        }
    }
}
