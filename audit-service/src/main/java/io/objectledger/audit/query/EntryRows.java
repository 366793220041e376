package io.objectledger.audit.query;

import java.sql.ResultSet;
import java.sql.SQLException;

/** The columns an entry is read from, and the reading of one row. */
public final class EntryRows {

    public static final String COLUMNS = """
            position, event_id, bucket, object_key, object_id, version_id, sequence, event_type, event_name,
            event_time, received_at, recorded_at, principal_id, owner_id, source_ip, request_id, gateway_id,
            payload, previous_hash, entry_hash, hash_format, leaf_hash, payload_salt""";

    private EntryRows() {
    }

    public static StoredEntry read(ResultSet rows) throws SQLException {
        return new StoredEntry(rows.getLong("position"), rows.getString("event_id"), rows.getString("bucket"),
                rows.getString("object_key"), rows.getString("object_id"), rows.getString("version_id"),
                rows.getLong("sequence"), rows.getString("event_type"), rows.getString("event_name"),
                ChainWalk.instant(rows, "event_time"), ChainWalk.instant(rows, "received_at"),
                ChainWalk.instant(rows, "recorded_at"), rows.getString("principal_id"),
                ChainWalk.text(rows, "owner_id"), ChainWalk.text(rows, "source_ip"), rows.getString("request_id"),
                ChainWalk.text(rows, "gateway_id"), ChainWalk.text(rows, "previous_hash"),
                ChainWalk.text(rows, "entry_hash"), rows.getInt("hash_format"), ChainWalk.text(rows, "leaf_hash").trim(),
                ChainWalk.text(rows, "payload_salt"), rows.getString("payload"));
    }
}
