package io.objectledger.audit.query;

import io.objectledger.audit.tree.TreeAppender;
import io.objectledger.events.lifecycle.LifecycleEvent;
import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.trail.MerkleHashes;
import io.objectledger.events.trail.TrailEntry;
import io.objectledger.support.db.StoreUnavailableException;
import io.objectledger.support.events.LifecycleEventBatch;
import io.objectledger.support.events.ReceivedLifecycleEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Appends to the audit table, each event once however often it is delivered, each entry linked
 * to the one before it in its object's history (see {@link HashChain}) and a leaf of the trail's
 * Merkle tree at its position (see {@link TreeAppender}).
 */
public class AuditProjection implements LifecycleEventBatch.Projection {

    /*
     * A plain VALUES insert, which the PostgreSQL driver sends a batch of as multi-row INSERTs
     * (reWriteBatchedInserts; an INSERT ... SELECT ... WHERE NOT EXISTS goes row by row). The
     * events the trail holds already are left out first, in the same transaction; an entry that
     * another member commits meanwhile (partitions moving between members) breaks the primary key,
     * the batch fails and comes again, and then finds it recorded.
     */
    private static final String INSERT = """
            INSERT INTO audit_entry (event_id, object_id, bucket, object_key, sequence, event_type, event_name,
                   event_time, received_at, recorded_at, principal_id, owner_id, source_ip, request_id, gateway_id,
                   payload, previous_hash, entry_hash, hash_format, position, version_id, payload_salt, leaf_hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    /*
     * The trail's size, locked until the batch's transaction commits: a writer that takes the next
     * positions waits for the one before it to commit, so positions become visible in order and a
     * reader's cursor past a position never misses an entry committed later.
     */
    private static final String LOCK_HEAD = "SELECT size FROM trail_head WHERE id = 1 FOR UPDATE";
    private static final String GROW_HEAD = "UPDATE trail_head SET size = ? WHERE id = 1";
    private static final String RECORDED_IDS = "SELECT event_id FROM audit_entry WHERE event_id IN (%s)";
    // The hash each object's first new entry links to: its stored entry just before it.
    private static final String PREVIOUS_HASHES = """
            SELECT v.object_id, (SELECT e.entry_hash FROM audit_entry e
                                  WHERE e.object_id = v.object_id AND e.sequence < v.first_sequence
                                  ORDER BY e.sequence DESC LIMIT 1)
              FROM (VALUES %s) AS v(object_id, first_sequence)
            """;
    // Typed, because H2 will not guess a parameter's type in VALUES.
    private static final String OBJECT_AND_SEQUENCE = "(CAST(? AS VARCHAR(64)), CAST(? AS BIGINT))";

    /**
     * Appends a batch of events within the caller's transaction (the consumer commits it): one
     * query for the events already recorded, one for the hashes the new ones link to, and one
     * JDBC batch of inserts, instead of a query and an insert per event. A re-delivered event is
     * already in the trail and is left as it is.
     */
    @Override
    public void apply(Connection connection, List<ReceivedLifecycleEvent> events) {
        try {
            Map<String, List<ReceivedLifecycleEvent>> fresh = newEventsByObject(connection, events);
            if (fresh.isEmpty()) {
                return;
            }
            Map<String, String> previous = previousHashes(connection, fresh);
            long position = lockTrailSize(connection);
            long firstPosition = position + 1;
            Instant recordedAt = stored(Instant.now());
            List<byte[]> leaves = new ArrayList<>(events.size());
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (var object : fresh.entrySet()) {
                    String previousHash = previous.getOrDefault(object.getKey(), HashChain.GENESIS);
                    for (ReceivedLifecycleEvent received : object.getValue()) {
                        previousHash = bind(insert, received, previousHash, recordedAt, ++position, leaves);
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
            TreeAppender.append(connection, firstPosition, leaves);
            try (PreparedStatement grow = connection.prepareStatement(GROW_HEAD)) {
                grow.setLong(1, position);
                grow.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("Cannot append " + events.size() + " events to the audit trail: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Binds one entry and adds its leaf in the trail's tree to {@code leaves}; returns its hash,
     * which the object's next entry links to.
     */
    private String bind(PreparedStatement insert, ReceivedLifecycleEvent received, String previousHash,
                        Instant recordedAt, long position, List<byte[]> leaves) throws SQLException {
        LifecycleEvent event = received.event();
        ChangeContext change = event.change();
        // The payload is the JSON as published, not this build's re-encoding of what it understood of it.
        EntryFields entry = new EntryFields(HashChain.CURRENT, received.id(), event.object().aggregateId(),
                received.sequence(), received.type(), change.eventName(), stored(change.eventTime()),
                stored(change.receivedAt()), text(change.principalId()), change.ownerId(),
                change.sourceIp(), text(change.requestId()), text(change.gatewayId()), received.json());
        String entryHash = HashChain.link(previousHash, entry);
        String salt = TrailEntry.newSalt();
        byte[] leaf = Leaves.of(position, entry, event.object().bucket(), event.object().key(),
                event.facts().versionId(), recordedAt, salt).leafHash();
        leaves.add(leaf);
        int i = 1;
        insert.setString(i++, entry.eventId());
        insert.setString(i++, entry.objectId());
        insert.setString(i++, event.object().bucket());
        insert.setString(i++, event.object().key());
        insert.setLong(i++, entry.sequence());
        insert.setString(i++, entry.eventType());
        insert.setString(i++, entry.eventName());
        insert.setObject(i++, utc(entry.eventTime()));
        insert.setObject(i++, utc(entry.receivedAt()));
        insert.setObject(i++, utc(recordedAt));
        insert.setString(i++, entry.principalId());
        insert.setString(i++, entry.ownerId());
        insert.setString(i++, entry.sourceIp());
        insert.setString(i++, entry.requestId());
        insert.setString(i++, entry.gatewayId());
        insert.setString(i++, entry.payload());
        insert.setString(i++, previousHash);
        insert.setString(i++, entryHash);
        insert.setInt(i++, entry.format());
        insert.setLong(i++, position);
        insert.setString(i++, event.facts().versionId());
        insert.setString(i++, salt);
        insert.setString(i, MerkleHashes.hex(leaf));
        return entryHash;
    }

    /** The trail's size, its row locked until the caller's transaction ends. */
    private static long lockTrailSize(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK_HEAD);
             ResultSet row = lock.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("trail_head has no row: the schema was not migrated to version 5");
            }
            return row.getLong(1);
        }
    }

    /**
     * An instant as the table keeps it: PostgreSQL and H2 store microseconds, and the hash must
     * cover the time a verification reads back, not a finer one that was rounded away.
     */
    static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /**
     * The batch's events not recorded yet, each once, per object in the order of its history
     * (an object's events come from one partition, published in that order).
     */
    private static Map<String, List<ReceivedLifecycleEvent>> newEventsByObject(
            Connection connection, List<ReceivedLifecycleEvent> events) throws SQLException {
        Set<String> seen = recordedIds(connection, events);
        Map<String, List<ReceivedLifecycleEvent>> byObject = new LinkedHashMap<>();
        for (ReceivedLifecycleEvent received : events) {
            if (seen.add(received.id())) {
                byObject.computeIfAbsent(received.event().object().aggregateId(), id -> new ArrayList<>())
                        .add(received);
            }
        }
        byObject.values().forEach(history -> history.sort(Comparator.comparingLong(ReceivedLifecycleEvent::sequence)));
        return byObject;
    }

    private static Set<String> recordedIds(Connection connection, List<ReceivedLifecycleEvent> events)
            throws SQLException {
        Set<String> recorded = new HashSet<>();
        if (events.isEmpty()) {
            return recorded;
        }
        String placeholders = String.join(", ", Collections.nCopies(events.size(), "?"));
        try (PreparedStatement query = connection.prepareStatement(RECORDED_IDS.formatted(placeholders))) {
            for (int i = 0; i < events.size(); i++) {
                query.setString(i + 1, events.get(i).id());
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    recorded.add(rows.getString(1));
                }
            }
        }
        return recorded;
    }

    /** Each object's stored hash just before its first new entry; absent when there is none. */
    private static Map<String, String> previousHashes(Connection connection,
                                                      Map<String, List<ReceivedLifecycleEvent>> fresh)
            throws SQLException {
        String values = String.join(", ", Collections.nCopies(fresh.size(), OBJECT_AND_SEQUENCE));
        Map<String, String> previous = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(PREVIOUS_HASHES.formatted(values))) {
            int i = 1;
            for (var object : fresh.entrySet()) {
                query.setString(i++, object.getKey());
                query.setLong(i++, object.getValue().get(0).sequence());
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    // Entries recorded before the hash_chain migration have no hash: the chain starts after them.
                    if (rows.getString(2) != null) {
                        previous.put(rows.getString(1), rows.getString(2));
                    }
                }
            }
        }
        return previous;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
