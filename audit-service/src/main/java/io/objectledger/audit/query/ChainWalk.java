package io.objectledger.audit.query;

import io.objectledger.events.object.ObjectIdentity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Walks an object's entries in history order, recomputing each link of the hash chain. */
final class ChainWalk {

    /** The columns a walk reads, in the order of history. */
    static final String CHAIN = """
            SELECT event_id, object_id, sequence, event_type, event_name, event_time, received_at, principal_id,
                   owner_id, source_ip, request_id, gateway_id, payload, previous_hash, entry_hash,
                   hash_format
              FROM audit_entry WHERE object_id = ? ORDER BY sequence
            """;

    private ChainWalk() {
    }

    static Optional<ChainVerification> over(ObjectIdentity object, ResultSet rows) throws SQLException {
        int entries = 0;
        String expectedPrevious = HashChain.GENESIS;
        Long broken = null;
        String brokenId = null;
        String problem = null;
        List<Long> gaps = new ArrayList<>();
        long nextSequence = 0;
        while (rows.next()) {
            entries++;
            long sequence = rows.getLong("sequence");
            for (long missing = nextSequence; missing < sequence; missing++) {
                gaps.add(missing);
            }
            nextSequence = sequence + 1;
            String previous = rows.getString("previous_hash");
            String stored = rows.getString("entry_hash");
            if (stored == null) {
                continue; // recorded before the hash_chain migration; the chain starts after it
            }
            String wrong = broken == null ? problem(rows, previous, expectedPrevious, stored) : null;
            if (wrong != null) {
                broken = sequence;
                brokenId = rows.getString("event_id");
                problem = wrong;
            }
            expectedPrevious = stored;
        }
        if (entries == 0) {
            return Optional.empty();
        }
        return Optional.of(new ChainVerification(object.bucket(), object.key(), entries, broken == null,
                expectedPrevious, broken, brokenId, problem, gaps));
    }

    /** What is wrong with one entry's link, or null when it holds. */
    private static String problem(ResultSet row, String previous, String expectedPrevious, String stored)
            throws SQLException {
        if (!expectedPrevious.equals(previous)) {
            return "its previous hash is not the hash of the entry before it: an entry before it was removed"
                    + " or changed";
        }
        int format = row.getInt("hash_format");
        if (!HashChain.known(format)) {
            return "its hash format " + format + " is not one this build knows: it cannot be verified";
        }
        EntryFields fields = fields(row, format);
        if (!HashChain.link(previous, fields).equals(stored)) {
            List<String> columns = format == HashChain.EVENT_ONLY ? List.of() : ChangedColumns.of(fields);
            return "its recorded fields do not hash to its stored hash: the entry was changed"
                    + (columns.isEmpty() ? "" : " (" + String.join(", ", columns) + " no longer what its event says)");
        }
        return null;
    }

    private static EntryFields fields(ResultSet row, int format) throws SQLException {
        return new EntryFields(format, row.getString("event_id"), row.getString("object_id"), row.getLong("sequence"),
                row.getString("event_type"), row.getString("event_name"), instant(row, "event_time"),
                instant(row, "received_at"), row.getString("principal_id"),
                text(row, "owner_id"), text(row, "source_ip"), row.getString("request_id"), text(row, "gateway_id"),
                row.getString("payload"));
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** A column entries recorded before it existed hold as NULL, read as the empty string. */
    static String text(ResultSet row, String column) throws SQLException {
        String value = row.getString(column);
        return value == null ? "" : value;
    }
}
