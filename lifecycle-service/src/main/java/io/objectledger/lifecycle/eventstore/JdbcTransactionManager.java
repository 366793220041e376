package io.objectledger.lifecycle.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.ConnectionWrapperFactory;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One JDBC transaction per Axon unit of work: a command's events (or a processor's batch and
 * its token) are committed together or not at all. Axon's JDBC components get their connection
 * from here, so inside a transaction they all share the thread's connection.
 */
public class JdbcTransactionManager implements TransactionManager, ConnectionProvider {

    private static final Transaction JOINED = new Transaction() {
        @Override
        public void commit() {
            // the outer transaction commits
        }

        @Override
        public void rollback() {
            // the outer transaction rolls back
        }
    };

    private final DataSource dataSource;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    public JdbcTransactionManager(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Transaction startTransaction() {
        if (current.get() != null) {
            return JOINED;
        }
        Connection connection = open();
        current.set(connection);
        return new Transaction() {
            @Override
            public void commit() {
                finish(connection, true);
            }

            @Override
            public void rollback() {
                finish(connection, false);
            }
        };
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = current.get();
        if (connection == null) {
            return dataSource.getConnection();
        }
        // Axon closes what it is given; the transaction's connection is closed when it ends.
        return ConnectionWrapperFactory.wrap(connection, new ConnectionWrapperFactory.NoOpCloseHandler());
    }

    private Connection open() {
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open a database transaction: " + e.getMessage(), e);
        }
    }

    private void finish(Connection connection, boolean commit) {
        current.remove();
        try (connection) {
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot " + (commit ? "commit" : "roll back")
                    + " a database transaction: " + e.getMessage(), e);
        }
    }
}
