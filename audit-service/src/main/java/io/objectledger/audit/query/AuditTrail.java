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
import java.util.Optional;

/** The append-only audit table: each event stored once, whatever how often it is delivered. */
public class AuditTrail {

    // Not a unique-violation catch: on PostgreSQL that would abort the whole batch's transaction.
    private static final String INSERT_IF_ABSENT = """
            INSERT INTO audit_entry (event_id, object_id, bucket, object_key, sequence, event_type, event_name,
                   event_time, received_at, recorded_at, principal_id, request_id, payload, previous_hash, entry_hash)
            SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
             WHERE NOT EXISTS (SELECT 1 FROM audit_entry WHERE event_id = ?)
            """;
    // An object's events arrive in the order of its history (one partition, published in order).
    private static final String PREVIOUS_HASH = """
            SELECT entry_hash FROM audit_entry WHERE object_id = ? AND sequence < ?
             ORDER BY sequence DESC LIMIT 1
            """;
    private static final String CHAIN = """
            SELECT event_id, object_id, sequence, event_type, payload, previous_hash, entry_hash
              FROM audit_entry WHERE object_id = ? ORDER BY sequence
            """;
    private static final String HISTORY = """
            SELECT event_id, sequence, event_type, event_name, event_time, received_at, recorded_at,
                   principal_id, request_id, payload, entry_hash
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
        String payload = new String(codec.encode(event), StandardCharsets.UTF_8);
        try (PreparedStatement insert = connection.prepareStatement(INSERT_IF_ABSENT)) {
            String previousHash = previousHash(connection, event.object().aggregateId(), received.sequence());
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
            insert.setString(i++, payload);
            insert.setString(i++, previousHash);
            insert.setString(i++, HashChain.link(previousHash, received.id(), event.object().aggregateId(),
                    received.sequence(), received.type(), payload));
            insert.setString(i, received.id());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot append event " + received.id() + " for "
                    + event.object().subject() + " to the audit trail: " + e.getMessage(), e);
        }
    }

    private static String previousHash(Connection connection, String objectId, long sequence) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(PREVIOUS_HASH)) {
            query.setString(1, objectId);
            query.setLong(2, sequence);
            try (ResultSet rows = query.executeQuery()) {
                // Entries from before the chain existed have no hash: the chain starts after them.
                return rows.next() && rows.getString(1) != null ? rows.getString(1) : HashChain.GENESIS;
            }
        }
    }

    /** Recomputes the object's chain from the stored fields; empty when nothing was recorded. */
    public Optional<ChainVerification> verify(ObjectIdentity object) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(CHAIN)) {
            query.setString(1, object.aggregateId());
            try (ResultSet rows = query.executeQuery()) {
                return ChainWalk.over(object, rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit trail: " + e.getMessage(), e);
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
                            rows.getString("principal_id"), rows.getString("request_id"), rows.getString("entry_hash"),
                            json(rows.getString("payload"))));
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
