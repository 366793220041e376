package io.objectledger.audit.query;

import io.objectledger.support.db.StoreUnavailableException;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Queries across objects, in the trail's global order: pages after a position, counts, and streams for exports. */
public class TrailSearch {

    /** Rows the database hands over at a time while an export streams, so that memory stays flat. */
    private static final int STREAM_FETCH = 500;

    /** Takes the entries of a stream one at a time, as stored. */
    @FunctionalInterface
    public interface EntrySink {
        void accept(StoredEntry entry) throws IOException;
    }

    private final DataSource dataSource;

    public TrailSearch(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** At most {@code limit} entries past {@code after}, by position. */
    public List<AuditEntry> page(TrailFilter filter, long after, int limit) {
        TrailFilter.Where where = filter.where();
        String sql = "SELECT " + EntryRows.COLUMNS + " FROM audit_entry" + where.sql()
                + " AND position > ?" + filter.orderBy() + " LIMIT ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            int next = bind(query, where.values());
            query.setLong(next++, after);
            query.setInt(next, limit);
            try (ResultSet rows = query.executeQuery()) {
                List<AuditEntry> entries = new ArrayList<>();
                while (rows.next()) {
                    entries.add(EntryRows.read(rows).entry());
                }
                return entries;
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    public long count(TrailFilter filter) {
        TrailFilter.Where where = filter.where();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM audit_entry" + where.sql())) {
            bind(query, where.values());
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /**
     * Hands every matching entry past position {@code after} to the sink, by position, as one
     * statement sees the trail when it starts. PostgreSQL streams through a cursor only inside a
     * transaction, hence no auto-commit.
     *
     * @return how many entries the sink took
     */
    public long stream(TrailFilter filter, long after, EntrySink sink) throws IOException {
        TrailFilter.Where where = filter.where();
        String sql = "SELECT " + EntryRows.COLUMNS + " FROM audit_entry" + where.sql() + " AND position > ?"
                + filter.orderBy();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setFetchSize(STREAM_FETCH);
                query.setLong(bind(query, where.values()), after);
                long streamed = 0;
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        sink.accept(EntryRows.read(rows));
                        streamed++;
                    }
                }
                return streamed;
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static int bind(PreparedStatement query, List<Object> values) throws SQLException {
        int i = 1;
        for (Object value : values) {
            query.setObject(i++, value);
        }
        return i;
    }

    private static StoreUnavailableException unavailable(SQLException e) {
        return new StoreUnavailableException("Cannot read the audit trail: " + e.getMessage(), e);
    }
}
