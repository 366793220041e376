package io.objectledger.audit.tree;

import io.objectledger.events.trail.MerkleHashes;
import io.objectledger.events.trail.PerfectSubtrees;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The trail's Merkle tree as the database holds it: leaves on the entries ({@code leaf_hash} by
 * position), inner nodes at every {@link #STORED_LEVEL_STEP}th level in {@code trail_node}. A
 * perfect subtree at another level is folded from at most 8 stored hashes below it, read in one
 * query.
 */
public final class StoredTree implements PerfectSubtrees {

    /** Inner nodes are kept at levels 4, 8, 12 ...: a fifteenth of the rows of keeping them all. */
    public static final int STORED_LEVEL_STEP = 4;

    private static final String LEAVES = "SELECT position, leaf_hash FROM audit_entry WHERE position BETWEEN ? AND ? "
            + "ORDER BY position";
    private static final String NODES = "SELECT node_index, hash FROM trail_node WHERE level = ? "
            + "AND node_index BETWEEN ? AND ? ORDER BY node_index";

    private final Connection connection;

    public StoredTree(Connection connection) {
        this.connection = connection;
    }

    @Override
    public byte[] hash(int level, long index) {
        int stored = level - level % STORED_LEVEL_STEP;
        int below = level - stored;
        long first = index << below;
        List<byte[]> hashes = stored(stored, first, first + (1L << below) - 1);
        return fold(hashes);
    }

    /** The stored hashes of one level from index {@code first} to {@code last}, each present or a failure. */
    List<byte[]> stored(int level, long first, long last) {
        try (PreparedStatement query = connection.prepareStatement(level == 0 ? LEAVES : NODES)) {
            int i = 1;
            if (level == 0) {
                query.setLong(i++, first + 1);
                query.setLong(i, last + 1);
            } else {
                query.setInt(i++, level);
                query.setLong(i++, first);
                query.setLong(i, last);
            }
            List<byte[]> hashes = new ArrayList<>((int) (last - first + 1));
            try (ResultSet rows = query.executeQuery()) {
                long expected = level == 0 ? first + 1 : first;
                while (rows.next()) {
                    long at = rows.getLong(1);
                    String hash = rows.getString(2);
                    if (at != expected || hash == null) {
                        throw new MissingTreeNodeException(level, level == 0 ? expected - 1 : expected);
                    }
                    hashes.add(MerkleHashes.unhex(hash.trim()));
                    expected++;
                }
            }
            if (hashes.size() != last - first + 1) {
                throw new MissingTreeNodeException(level, first + hashes.size());
            }
            return hashes;
        } catch (SQLException e) {
            throw new TreeUnreadableException("Cannot read the trail's tree at level " + level + ": "
                    + e.getMessage(), e);
        }
    }

    /** Pairs hashes level by level up to one: the subtree over a power-of-two run of them. */
    static byte[] fold(List<byte[]> hashes) {
        List<byte[]> level = hashes;
        while (level.size() > 1) {
            List<byte[]> up = new ArrayList<>(level.size() / 2);
            for (int i = 0; i < level.size(); i += 2) {
                up.add(MerkleHashes.node(level.get(i), level.get(i + 1)));
            }
            level = up;
        }
        return level.get(0);
    }
}
