package io.objectledger.bench.measure;

import io.objectledger.stack.StackSettings;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads what the stack holds straight from its PostgreSQL databases: exact and much cheaper
 * than asking the services. One connection per database is kept open, because a connection per
 * query starts a PostgreSQL backend process each time, CPU the benchmark would count as the
 * ledger's. A query that fails on a connection PostgreSQL
 * dropped (the fault run kills it) is tried once more on a new one.
 */
public final class LedgerDatabase implements AutoCloseable {

    /** The state the catalog shows for one object. */
    public record CatalogRow(String state, String versionId, String eTag, String lastEventType) {
    }

    private final StackSettings settings;
    private final Map<String, Connection> connections = new HashMap<>();

    public LedgerDatabase(StackSettings settings) {
        this.settings = settings;
    }

    public long storedEvents() {
        return count("lifecycle", "SELECT count(*) FROM domainevententry");
    }

    public long auditEntries() {
        return count("audit", "SELECT count(*) FROM audit_entry");
    }

    public long catalogObjects() {
        return count("catalog", "SELECT count(*) FROM catalog_object");
    }

    public Map<String, Long> storedEventsPerObject() {
        return countsBy("lifecycle", "SELECT aggregateidentifier, count(*) FROM domainevententry GROUP BY 1");
    }

    public Map<String, Long> auditEntriesPerObject() {
        return countsBy("audit", "SELECT object_id, count(*) FROM audit_entry GROUP BY 1");
    }

    public Map<String, CatalogRow> catalog() {
        Map<String, CatalogRow> rows = new HashMap<>();
        query("catalog", "SELECT object_id, state, version_id, etag, last_event_type FROM catalog_object",
                result -> rows.put(result.getString(1), new CatalogRow(result.getString(2), result.getString(3),
                        result.getString(4), result.getString(5))));
        return rows;
    }

    /**
     * For each object (by aggregate id), when its first event was written to the event store
     * (Axon's event timestamp, taken as the lifecycle service applies it) and to the audit trail
     * ({@code recorded_at}, the audit service's clock at its insert); epoch milliseconds.
     */
    public record FirstWrites(Map<String, Long> stored, Map<String, Long> audited) {
    }

    public FirstWrites firstWrites(Collection<String> aggregateIds) {
        Map<String, Long> stored = new HashMap<>();
        Map<String, Long> audited = new HashMap<>();
        String ids = aggregateIds.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        if (!ids.isEmpty()) {
            query("lifecycle", "SELECT aggregateidentifier, timestamp FROM domainevententry WHERE aggregateidentifier IN ("
                    + ids + ")", row -> stored.merge(row.getString(1),
                    Instant.parse(row.getString(2)).toEpochMilli(), Math::min));
            query("audit", "SELECT object_id, recorded_at FROM audit_entry WHERE object_id IN (" + ids + ")",
                    row -> audited.merge(row.getString(1),
                            row.getObject(2, OffsetDateTime.class).toInstant().toEpochMilli(), Math::min));
        }
        return new FirstWrites(stored, audited);
    }

    private long count(String service, String sql) {
        long[] count = new long[1];
        query(service, sql, result -> count[0] = result.getLong(1));
        return count[0];
    }

    private Map<String, Long> countsBy(String service, String sql) {
        Map<String, Long> counts = new HashMap<>();
        query(service, sql, result -> counts.put(result.getString(1), result.getLong(2)));
        return counts;
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private synchronized void query(String service, String sql, RowReader reader) {
        try {
            read(connection(service), sql, reader);
        } catch (SQLException first) {
            forget(service);
            try {
                read(connection(service), sql, reader);
            } catch (SQLException e) {
                forget(service);
                throw new IllegalStateException("Cannot read " + settings.databaseName(service) + ": "
                        + e.getMessage(), e);
            }
        }
    }

    private static void read(Connection connection, String sql, RowReader reader) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                reader.read(result);
            }
        }
    }

    private Connection connection(String service) throws SQLException {
        Connection connection = connections.get(service);
        if (connection == null) {
            connection = DriverManager.getConnection(settings.databaseUrl(service), settings.postgresUser(), "");
            connections.put(service, connection);
        }
        return connection;
    }

    private void forget(String service) {
        Connection connection = connections.remove(service);
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // It is broken already; a new one is opened on the next query.
            }
        }
    }

    @Override
    public synchronized void close() {
        for (String service : List.copyOf(connections.keySet())) {
            forget(service);
        }
    }
}
