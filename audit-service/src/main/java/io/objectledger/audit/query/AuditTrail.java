package io.objectledger.audit.query;

import io.objectledger.events.json.LifecycleEventCodec;
import io.objectledger.events.lifecycle.LifecycleEvent;
import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.ObjectIdentity;
import io.objectledger.support.events.ReceivedLifecycleEvent;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import javax.sql.DataSource;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The append-only audit table: each event stored once, whatever how often it is delivered. */
public class AuditTrail {

    // Not a unique-violation catch: on PostgreSQL that would abort the whole batch's transaction.
    private static final String INSERT_IF_ABSENT = """
            INSERT INTO audit_entry (event_id, object_id, bucket, object_key, sequence, event_type, event_name,
                   event_time, received_at, recorded_at, principal_id, request_id, payload)
            SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
             WHERE NOT EXISTS (SELECT 1 FROM audit_entry WHERE event_id = ?)
            """;
    private static final String HISTORY = """
            SELECT event_id, sequence, event_type, event_name, event_time, received_at, recorded_at,
                   principal_id, request_id, payload
              FROM audit_entry WHERE object_id = ? ORDER BY sequence
            """;

    private final DataSource dataSource;
    private final LifecycleEventCodec codec = new LifecycleEventCodec();

    public AuditTrail(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Appends one event within the caller's transaction (the consumer commits a whole batch at
     * once); a re-delivered event is already in the trail and is left as it is.
     */
    public void append(Connection connection, ReceivedLifecycleEvent received) {
        LifecycleEvent event = received.event();
        ChangeContext change = event.change();
        try (PreparedStatement insert = connection.prepareStatement(INSERT_IF_ABSENT)) {
            int i = 1;
            insert.setString(i++, received.id());
            insert.setString(i++, event.object().aggregateId());
            insert.setString(i++, event.object().bucket());
            insert.setString(i++, event.object().key());
            insert.setLong(i++, received.sequence());
            insert.setString(i++, received.type());
            insert.setString(i++, change.eventName());
            insert.setObject(i++, utc(change.eventTime()));
            insert.setObject(i++, utc(change.receivedAt()));
            insert.setObject(i++, utc(Instant.now()));
            insert.setString(i++, change.principalId());
            insert.setString(i++, change.requestId());
            insert.setString(i++, new String(codec.encode(event), StandardCharsets.UTF_8));
            insert.setString(i, received.id());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot append event " + received.id() + " for "
                    + event.object().subject() + " to the audit trail: " + e.getMessage(), e);
        }
    }

    public List<AuditEntry> history(ObjectIdentity object) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(HISTORY)) {
            query.setString(1, object.aggregateId());
            try (ResultSet rows = query.executeQuery()) {
                List<AuditEntry> entries = new ArrayList<>();
                while (rows.next()) {
                    entries.add(new AuditEntry(rows.getString("event_id"), rows.getLong("sequence"),
                            rows.getString("event_type"), rows.getString("event_name"),
                            instant(rows, "event_time"), instant(rows, "received_at"), instant(rows, "recorded_at"),
                            rows.getString("principal_id"), rows.getString("request_id"), json(rows.getString("payload"))));
                }
                return entries;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit trail: " + e.getMessage(), e);
        }
    }

    private static JsonObject json(String payload) {
        try (JsonReader reader = Json.createReader(new StringReader(payload))) {
            return reader.readObject();
        }
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        return rows.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
