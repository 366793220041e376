package io.objectledger.catalog.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.objectledger.events.json.LedgerJson;
import io.objectledger.events.lifecycle.CurrentStateEffect;
import io.objectledger.events.lifecycle.LifecycleEvent;
import io.objectledger.events.lifecycle.StateAfter;
import io.objectledger.events.lifecycle.TagsApplied;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.support.db.StoreUnavailableException;
import io.objectledger.support.events.LifecycleEventBatch;
import io.objectledger.support.events.ReceivedLifecycleEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the catalog table at the current state of each object: the state after the object's
 * latest event, which the lifecycle aggregate resolved over all versions. The latest is the
 * greatest position in the object's history, so re-deliveries and out-of-order arrivals end in
 * the same row as an orderly stream.
 */
public class CatalogProjection implements LifecycleEventBatch.Projection {

    private static final String UPDATE = """
            UPDATE catalog_object SET bucket = ?, object_key = ?, version_id = ?, state = ?, size = ?, etag = ?,
                   content_type = ?, metadata = ?, tags = ?, current_since = ?, version_count = ?, last_event_id = ?,
                   last_event_type = ?, last_event_time = ?, last_sequence = ?, updated_at = ?
             WHERE object_id = ?
            """;
    private static final String IF_NEWER = UPDATE + " AND last_sequence < ?";
    // Events without a state after them are ordered by gateway time, and never written over a resolved row.
    private static final String IF_NEWER_UNRESOLVED = UPDATE + " AND version_count IS NULL"
            + " AND (last_event_time < ? OR (last_event_time = ? AND last_sequence < ?))";
    // Not a unique-violation catch: on PostgreSQL that would abort the whole batch's transaction.
    private static final String INSERT_IF_ABSENT = """
            INSERT INTO catalog_object (bucket, object_key, version_id, state, size, etag, content_type, metadata,
                   tags, current_since, version_count, last_event_id, last_event_type, last_event_time, last_sequence,
                   updated_at, object_id)
            SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
             WHERE NOT EXISTS (SELECT 1 FROM catalog_object WHERE object_id = ?)
            """;
    private static final ObjectFacts NOTHING = new ObjectFacts(0, "", "", Map.of(), Map.of());

    private final ObjectMapper json = LedgerJson.newMapper();

    /** What the row says after an event; {@code versionCount} null when the event did not resolve it. */
    record Row(ObjectState state, String versionId, ObjectFacts facts, Instant since, Integer versionCount) {

        boolean resolved() {
            return versionCount != null;
        }
    }

    /**
     * Projects a batch within the caller's transaction (the consumer commits it). An event that
     * carries the state after it needs no other: only each object's latest such event is written,
     * with one JDBC batch of updates and one of inserts for the objects seen for the first time.
     * Older events without that state go one by one. Applying the same events again leaves the
     * rows as they are.
     */
    @Override
    public void apply(Connection connection, List<ReceivedLifecycleEvent> events) {
        Map<String, ReceivedLifecycleEvent> latestResolved = new LinkedHashMap<>();
        for (ReceivedLifecycleEvent received : events) {
            if (received.event().stateAfter().known()) {
                latestResolved.merge(received.event().object().aggregateId(), received,
                        (kept, next) -> next.sequence() > kept.sequence() ? next : kept);
            } else {
                apply(connection, received);
            }
        }
        try {
            writeResolved(connection, List.copyOf(latestResolved.values()));
        } catch (SQLException e) {
            throw new StoreUnavailableException("Cannot project " + latestResolved.size()
                    + " events into the catalog: " + e.getMessage(), e);
        }
    }

    private void writeResolved(Connection connection, List<ReceivedLifecycleEvent> latest) throws SQLException {
        if (latest.isEmpty()) {
            return;
        }
        List<Row> rows = latest.stream().map(received -> rowAfter(received.event()).orElseThrow()).toList();
        int[] updated;
        try (PreparedStatement update = connection.prepareStatement(IF_NEWER)) {
            for (int i = 0; i < latest.size(); i++) {
                update.setLong(bindRow(update, latest.get(i), rows.get(i)), latest.get(i).sequence());
                update.addBatch();
            }
            updated = update.executeBatch();
        }
        boolean firstSeen = false;
        try (PreparedStatement insert = connection.prepareStatement(INSERT_IF_ABSENT)) {
            for (int i = 0; i < latest.size(); i++) {
                // 0: no row yet, or a newer one (then the insert finds it and does nothing).
                if (updated[i] == 0) {
                    insert.setString(bindRow(insert, latest.get(i), rows.get(i)),
                            latest.get(i).event().object().aggregateId());
                    insert.addBatch();
                    firstSeen = true;
                }
            }
            if (firstSeen) {
                insert.executeBatch();
            }
        }
    }

    /** One event without the state after it: its own facts decide, ordered by gateway time. */
    private void apply(Connection connection, ReceivedLifecycleEvent received) {
        LifecycleEvent event = received.event();
        try {
            Optional<Row> row = rowAfter(event);
            if (row.isPresent()) {
                if (updateIfNewer(connection, received, row.get()) == 0) {
                    insertIfAbsent(connection, received, row.get());
                }
            } else if (event instanceof TagsApplied tagsApplied) {
                updateTags(connection, tagsApplied);
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("Cannot project event " + received.id() + " for "
                    + event.object().subject() + " into the catalog: " + e.getMessage(), e);
        }
    }

    /**
     * The row the event leaves, or empty when it says nothing about the current state. An event
     * without a {@link StateAfter} decides alone.
     */
    static Optional<Row> rowAfter(LifecycleEvent event) {
        StateAfter after = event.stateAfter();
        if (after.known()) {
            return Optional.of(after.presence() == StateAfter.Presence.PRESENT
                    ? new Row(ObjectState.PRESENT, after.versionId(), after.facts(), after.since(),
                            after.versionCount())
                    : new Row(ObjectState.REMOVED, after.versionId(), NOTHING, after.since(), after.versionCount()));
        }
        return switch (CurrentStateEffect.of(event)) {
            case PRESENT -> Optional.of(new Row(ObjectState.PRESENT, event.facts().versionId(), event.facts(),
                    null, null));
            case ABSENT -> Optional.of(new Row(ObjectState.REMOVED, event.facts().versionId(), event.facts(),
                    null, null));
            case NONE -> Optional.empty();
        };
    }

    /** An event without a state after it: tags the ledger set through S3, which RGW does not notify. */
    private void updateTags(Connection connection, TagsApplied event) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE catalog_object SET tags = ?, updated_at = ? WHERE object_id = ?")) {
            update.setString(1, toJson(event.facts().tags()));
            update.setObject(2, utc(Instant.now()));
            update.setString(3, event.object().aggregateId());
            update.executeUpdate();
        }
    }

    private int updateIfNewer(Connection connection, ReceivedLifecycleEvent received, Row row) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(row.resolved() ? IF_NEWER : IF_NEWER_UNRESOLVED)) {
            int next = bindRow(update, received, row);
            if (!row.resolved()) {
                OffsetDateTime eventTime = utc(received.event().change().eventTime());
                update.setObject(next++, eventTime);
                update.setObject(next++, eventTime);
            }
            update.setLong(next, received.sequence());
            return update.executeUpdate();
        }
    }

    /** Absent means first sight of the object; present means the stored state is newer. */
    private void insertIfAbsent(Connection connection, ReceivedLifecycleEvent received, Row row) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_IF_ABSENT)) {
            int next = bindRow(insert, received, row);
            insert.setString(next, received.event().object().aggregateId());
            insert.executeUpdate();
        }
    }

    private int bindRow(PreparedStatement statement, ReceivedLifecycleEvent received, Row row) throws SQLException {
        LifecycleEvent event = received.event();
        int i = 1;
        statement.setString(i++, event.object().bucket());
        statement.setString(i++, event.object().key());
        statement.setString(i++, row.versionId());
        statement.setString(i++, row.state().name());
        statement.setLong(i++, row.facts().size());
        statement.setString(i++, row.facts().eTag());
        // Unknown until the ledger described the version; a later state without it makes it unknown again.
        statement.setString(i++, row.facts().contentType().isEmpty() ? null : row.facts().contentType());
        statement.setString(i++, toJson(row.facts().metadata()));
        statement.setString(i++, toJson(row.facts().tags()));
        if (row.since() == null) {
            statement.setNull(i++, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(i++, utc(row.since()));
        }
        if (row.resolved()) {
            statement.setInt(i++, row.versionCount());
        } else {
            statement.setNull(i++, Types.INTEGER);
        }
        statement.setString(i++, received.id());
        statement.setString(i++, received.type());
        statement.setObject(i++, utc(event.change().eventTime()));
        statement.setLong(i++, received.sequence());
        statement.setObject(i++, utc(Instant.now()));
        statement.setString(i++, event.object().aggregateId());
        return i;
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
