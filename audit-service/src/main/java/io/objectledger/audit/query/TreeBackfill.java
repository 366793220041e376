package io.objectledger.audit.query;

import io.objectledger.audit.tree.TreeAppender;
import io.objectledger.events.trail.MerkleHashes;
import io.objectledger.events.trail.TrailEntry;
import io.objectledger.support.db.StoreUnavailableException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Gives the entries recorded before the trail had a Merkle tree their leaves and the tree its
 * nodes, in position order, once, at start. It runs as the schema's owner (the service's own user
 * may not update an entry) and under the trail's head lock, so that no new entry takes a position
 * meanwhile.
 */
public final class TreeBackfill {

    private static final Logger LOG = Logger.getLogger(TreeBackfill.class.getName());
    private static final int BATCH = 5000;
    private static final String LOCK_HEAD = "SELECT size FROM trail_head WHERE id = 1 FOR UPDATE";
    private static final String WITHOUT_LEAF = "SELECT " + EntryRows.COLUMNS
            + " FROM audit_entry WHERE leaf_hash IS NULL ORDER BY position LIMIT " + BATCH;
    private static final String SET_LEAF = "UPDATE audit_entry SET payload_salt = ?, leaf_hash = ? WHERE position = ?";

    private TreeBackfill() {
    }

    public static void run(DataSource owner) {
        long started = System.nanoTime();
        long done = 0;
        try (Connection connection = owner.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int filled;
                while ((filled = fillBatch(connection)) > 0) {
                    connection.commit();
                    done += filled;
                    long total = done;
                    double seconds = (System.nanoTime() - started) / 1e9;
                    LOG.info(() -> String.format(Locale.ROOT, "Gave %d earlier audit-trail entries their Merkle leaves "
                            + "(%.0f/s); continuing until none is left", total, total / Math.max(seconds, 1e-3)));
                }
                connection.commit();
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("Cannot give the audit trail's earlier entries their Merkle leaves: "
                    + e.getMessage(), e);
        }
    }

    private static int fillBatch(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK_HEAD)) {
            lock.executeQuery().close();
        }
        List<StoredEntry> entries = new ArrayList<>(BATCH);
        try (PreparedStatement query = connection.prepareStatement(WITHOUT_LEAF);
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                entries.add(EntryRows.read(rows).withPayloadSalt(TrailEntry.newSalt()));
            }
        }
        if (entries.isEmpty()) {
            return 0;
        }
        List<byte[]> leaves = new ArrayList<>(entries.size());
        try (PreparedStatement update = connection.prepareStatement(SET_LEAF)) {
            for (StoredEntry entry : entries) {
                byte[] leaf = Leaves.of(entry).leafHash();
                leaves.add(leaf);
                update.setString(1, entry.payloadSalt());
                update.setString(2, MerkleHashes.hex(leaf));
                update.setLong(3, entry.position());
                update.addBatch();
            }
            update.executeBatch();
        }
        TreeAppender.append(connection, entries.get(0).position(), leaves);
        return entries.size();
    }
}
