package io.objectledger.audit.checkpoint;

import io.objectledger.events.trail.Checkpoint;
import io.objectledger.events.trail.MerkleHashes;
import io.objectledger.events.trail.SignedCheckpoint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** The stored checkpoints, each once per tree size: a second replica that signs the same size keeps the first. */
final class CheckpointStore {

    private static final String COLUMNS = "tree_size, root_hash, checkpoint_time, origin, key_id, signature";
    private static final String INSERT = "INSERT INTO trail_checkpoint (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)";
    private static final String AT_SIZE = "SELECT " + COLUMNS + " FROM trail_checkpoint WHERE tree_size = ?";
    private static final String LATEST = "SELECT " + COLUMNS + " FROM trail_checkpoint ORDER BY tree_size DESC LIMIT 1";
    private static final String BETWEEN = "SELECT " + COLUMNS + " FROM trail_checkpoint WHERE tree_size BETWEEN ? AND ? "
            + "ORDER BY tree_size";
    private static final String UNPUBLISHED = "SELECT " + COLUMNS + " FROM trail_checkpoint WHERE published_at IS NULL "
            + "ORDER BY tree_size LIMIT 100";
    private static final String PUBLISHED = "UPDATE trail_checkpoint SET published_at = ? WHERE tree_size = ?";

    private CheckpointStore() {
    }

    /** Stores the checkpoint unless one of its size is stored already; returns the one stored. */
    static SignedCheckpoint insertOrExisting(Connection connection, SignedCheckpoint signed) throws SQLException {
        Optional<SignedCheckpoint> existing = atSize(connection, signed.checkpoint().treeSize());
        if (existing.isPresent()) {
            return existing.get();
        }
        Checkpoint checkpoint = signed.checkpoint();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setLong(1, checkpoint.treeSize());
            insert.setString(2, MerkleHashes.hex(checkpoint.rootHash()));
            insert.setObject(3, OffsetDateTime.ofInstant(checkpoint.time(), ZoneOffset.UTC));
            insert.setString(4, checkpoint.origin());
            insert.setString(5, signed.keyId());
            insert.setString(6, Base64.getEncoder().encodeToString(signed.signature()));
            insert.executeUpdate();
        }
        return signed;
    }

    static Optional<SignedCheckpoint> atSize(Connection connection, long treeSize) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(AT_SIZE)) {
            query.setLong(1, treeSize);
            return first(query);
        }
    }

    static Optional<SignedCheckpoint> latest(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(LATEST)) {
            return first(query);
        }
    }

    static List<SignedCheckpoint> between(Connection connection, long fromSize, long toSize) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(BETWEEN)) {
            query.setLong(1, fromSize);
            query.setLong(2, toSize);
            return all(query);
        }
    }

    static List<SignedCheckpoint> unpublished(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(UNPUBLISHED)) {
            return all(query);
        }
    }

    static void markPublished(Connection connection, long treeSize, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(PUBLISHED)) {
            update.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            update.setLong(2, treeSize);
            update.executeUpdate();
        }
    }

    private static Optional<SignedCheckpoint> first(PreparedStatement query) throws SQLException {
        List<SignedCheckpoint> found = all(query);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static List<SignedCheckpoint> all(PreparedStatement query) throws SQLException {
        List<SignedCheckpoint> found = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                Checkpoint checkpoint = new Checkpoint(rows.getString("origin"), rows.getLong("tree_size"),
                        MerkleHashes.unhex(rows.getString("root_hash").trim()),
                        rows.getObject("checkpoint_time", OffsetDateTime.class).toInstant());
                found.add(new SignedCheckpoint(checkpoint, rows.getString("key_id"),
                        Base64.getDecoder().decode(rows.getString("signature"))));
            }
        }
        return found;
    }
}
