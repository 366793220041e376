package io.objectledger.catalog.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.objectledger.events.json.LedgerJson;
import io.objectledger.events.lifecycle.CurrentStateEffect;
import io.objectledger.events.lifecycle.LifecycleEvent;
import io.objectledger.events.lifecycle.TagsApplied;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.support.events.ReceivedLifecycleEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the catalog table at the latest state of each object. The latest is the change with the
 * greatest gateway event time (then history position), so re-deliveries and out-of-order
 * arrivals end in the same row as an orderly stream.
 */
public class CatalogProjection {

    private static final String UPDATE_IF_NEWER = """
            UPDATE catalog_object SET bucket = ?, object_key = ?, version_id = ?, state = ?, size = ?, etag = ?,
                   metadata = ?, tags = ?, last_event_id = ?, last_event_type = ?, last_event_time = ?,
                   last_sequence = ?, updated_at = ?
             WHERE object_id = ?
               AND (last_event_time < ? OR (last_event_time = ? AND last_sequence < ?))
            """;
    // Not a unique-violation catch: on PostgreSQL that would abort the whole batch's transaction.
    private static final String INSERT_IF_ABSENT = """
            INSERT INTO catalog_object (bucket, object_key, version_id, state, size, etag, metadata, tags,
                   last_event_id, last_event_type, last_event_time, last_sequence, updated_at, object_id)
            SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
             WHERE NOT EXISTS (SELECT 1 FROM catalog_object WHERE object_id = ?)
            """;

    private final ObjectMapper json = LedgerJson.newMapper();

    /**
     * Projects one event within the caller's transaction (the consumer commits a whole batch
     * at once). Applying the same event again leaves the row as it is.
     */
    public void apply(Connection connection, ReceivedLifecycleEvent received) {
        LifecycleEvent event = received.event();
        try {
            if (event instanceof TagsApplied tagsApplied) {
                updateTags(connection, tagsApplied);
            } else if (stateAfter(event).isPresent() && updateIfNewer(connection, received) == 0) {
                insertIfAbsent(connection, received);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot project event " + received.id() + " for "
                    + event.object().subject() + " into the catalog: " + e.getMessage(), e);
        }
    }

    /** Tags the ledger set through S3; RGW does not notify them, so this is how the catalog learns them. */
    private void updateTags(Connection connection, TagsApplied event) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE catalog_object SET tags = ?, updated_at = ? WHERE object_id = ?")) {
            update.setString(1, toJson(event.facts().tags()));
            update.setObject(2, utc(Instant.now()));
            update.setString(3, event.object().aggregateId());
            update.executeUpdate();
        }
    }

    private int updateIfNewer(Connection connection, ReceivedLifecycleEvent received) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(UPDATE_IF_NEWER)) {
            int next = bindRow(update, received);
            OffsetDateTime eventTime = utc(received.event().change().eventTime());
            update.setObject(next++, eventTime);
            update.setObject(next++, eventTime);
            update.setLong(next, received.sequence());
            return update.executeUpdate();
        }
    }

    /** Absent means first sight of the object; present means the stored state is newer. */
    private void insertIfAbsent(Connection connection, ReceivedLifecycleEvent received) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_IF_ABSENT)) {
            int next = bindRow(insert, received);
            insert.setString(next, received.event().object().aggregateId());
            insert.executeUpdate();
        }
    }

    private int bindRow(PreparedStatement statement, ReceivedLifecycleEvent received) throws SQLException {
        LifecycleEvent event = received.event();
        ObjectFacts facts = event.facts();
        int i = 1;
        statement.setString(i++, event.object().bucket());
        statement.setString(i++, event.object().key());
        statement.setString(i++, facts.versionId());
        statement.setString(i++, stateAfter(event).orElseThrow().name());
        statement.setLong(i++, facts.size());
        statement.setString(i++, facts.eTag());
        statement.setString(i++, toJson(facts.metadata()));
        statement.setString(i++, toJson(facts.tags()));
        statement.setString(i++, received.id());
        statement.setString(i++, received.type());
        statement.setObject(i++, utc(event.change().eventTime()));
        statement.setLong(i++, received.sequence());
        statement.setObject(i++, utc(Instant.now()));
        statement.setString(i++, event.object().aggregateId());
        return i;
    }

    /** The current state an event leaves, or empty when it concerns only a noncurrent version. */
    static Optional<ObjectState> stateAfter(LifecycleEvent event) {
        return switch (CurrentStateEffect.of(event)) {
            case PRESENT -> Optional.of(ObjectState.PRESENT);
            case ABSENT -> Optional.of(ObjectState.REMOVED);
            case NONE -> Optional.empty();
        };
    }

    private String toJson(Map<String, String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string map always serialises", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
