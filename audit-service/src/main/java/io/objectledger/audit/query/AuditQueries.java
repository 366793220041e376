package io.objectledger.audit.query;

import io.objectledger.events.object.ObjectIdentity;
import io.objectledger.support.db.StoreUnavailableException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import javax.sql.DataSource;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the audit table: an object's history, and the verification of its hash chain. */
public class AuditQueries {

    private static final String HISTORY = "SELECT " + EntryRows.COLUMNS
            + " FROM audit_entry WHERE object_id = ? AND sequence > ? ORDER BY sequence LIMIT ?";

    private final DataSource dataSource;

    public AuditQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Recomputes the object's chain from the stored fields; empty when nothing was recorded. */
    public Optional<ChainVerification> verify(ObjectIdentity object) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(ChainWalk.CHAIN)) {
            query.setString(1, object.aggregateId());
            try (ResultSet rows = query.executeQuery()) {
                return ChainWalk.over(object, rows);
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** The whole history, oldest first. */
    public List<AuditEntry> history(ObjectIdentity object) {
        return history(object, -1, Integer.MAX_VALUE);
    }

    /** At most {@code limit} entries of the object's history after the sequence {@code after}, oldest first. */
    public List<AuditEntry> history(ObjectIdentity object, long after, int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(HISTORY)) {
            query.setString(1, object.aggregateId());
            query.setLong(2, after);
            query.setInt(3, limit);
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

    private static StoreUnavailableException unavailable(SQLException e) {
        return new StoreUnavailableException("Cannot read the audit trail: " + e.getMessage(), e);
    }
}
