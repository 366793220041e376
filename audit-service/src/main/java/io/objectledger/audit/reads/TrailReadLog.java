package io.objectledger.audit.reads;

import io.objectledger.support.db.StoreUnavailableException;
import io.objectledger.support.security.TenantScope;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

import javax.sql.DataSource;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The record of who read the audit trail: written before each read is answered, queried by auditors. */
public class TrailReadLog {

    private static final String INSERT = """
            INSERT INTO trail_read (read_at, subject, operation, tenant, parameters, granted_tenants)
            VALUES (?, ?, ?, ?, ?, ?)
            """;

    private final DataSource dataSource;

    public TrailReadLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void record(TrailRead read) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, OffsetDateTime.ofInstant(read.readAt(), ZoneOffset.UTC));
            insert.setString(2, read.subject());
            insert.setString(3, read.operation());
            insert.setString(4, read.tenant());
            insert.setString(5, json(read.parameters()));
            insert.setString(6, read.grantedTenants());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreUnavailableException("Cannot record a read of the audit trail: " + e.getMessage(), e);
        }
    }

    /**
     * The reads matching the filters, newest first. A caller granted some tenants sees the reads
     * about their buckets only; reads not about one bucket are for an all-tenants auditor.
     *
     * @param beforeId only reads recorded before this one (the previous page's last), or 0 for the newest
     */
    public List<TrailRead> find(Optional<String> subject, Optional<Instant> since, Optional<Instant> until,
                                TenantScope scope, long beforeId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT read_id, read_at, subject, operation, tenant, parameters, "
                + "granted_tenants FROM trail_read WHERE 1 = 1");
        List<Object> values = new ArrayList<>();
        subject.ifPresent(name -> {
            sql.append(" AND subject = ?");
            values.add(name);
        });
        since.ifPresent(from -> {
            sql.append(" AND read_at >= ?");
            values.add(OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        });
        until.ifPresent(to -> {
            sql.append(" AND read_at < ?");
            values.add(OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        });
        if (beforeId > 0) {
            sql.append(" AND read_id < ?");
            values.add(beforeId);
        }
        if (!scope.all()) {
            if (scope.tenants().isEmpty()) {
                return List.of();
            }
            sql.append(" AND tenant IN (").append("?, ".repeat(scope.tenants().size() - 1)).append("?)");
            values.addAll(scope.tenants());
        }
        sql.append(" ORDER BY read_id DESC FETCH FIRST ").append(limit).append(" ROWS ONLY");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                query.setObject(i + 1, values.get(i));
            }
            try (ResultSet rows = query.executeQuery()) {
                List<TrailRead> reads = new ArrayList<>();
                while (rows.next()) {
                    reads.add(new TrailRead(rows.getLong("read_id"),
                            rows.getObject("read_at", OffsetDateTime.class).toInstant(), rows.getString("subject"),
                            rows.getString("operation"), rows.getString("tenant"),
                            parameters(rows.getString("parameters")), rows.getString("granted_tenants")));
                }
                return reads;
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("Cannot read the record of audit trail reads: " + e.getMessage(), e);
        }
    }

    private static String json(Map<String, String> parameters) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        new TreeMap<>(parameters).forEach(object::add);
        return object.build().toString();
    }

    private static Map<String, String> parameters(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            Map<String, String> parameters = new LinkedHashMap<>();
            object.forEach((name, value) -> parameters.put(name, ((JsonString) value).getString()));
            return parameters;
        }
    }
}
