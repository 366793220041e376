package io.objectledger.audit.tree;

import io.objectledger.events.trail.MerkleHashes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores the inner nodes that a run of new leaves completes, in the transaction that appends the
 * leaves: positions are taken under the trail's head lock, so runs are appended one at a time,
 * in order, and every node is written once, when its last leaf arrives.
 */
public final class TreeAppender {

    private static final String INSERT = "INSERT INTO trail_node (level, node_index, hash) VALUES (?, ?, ?)";
    private static final int CHILDREN = 1 << StoredTree.STORED_LEVEL_STEP;

    private TreeAppender() {
    }

    /**
     * @param firstPosition the position of the first new leaf; every position before it has its
     *                      leaf and its completed nodes stored already
     * @param leaves        the leaf hashes of the positions from {@code firstPosition} on
     */
    public static void append(Connection connection, long firstPosition, List<byte[]> leaves) throws SQLException {
        long firstIndex = firstPosition - 1;
        long end = firstIndex + leaves.size();
        StoredTree stored = new StoredTree(connection);
        Map<Long, byte[]> below = new HashMap<>();
        for (int i = 0; i < leaves.size(); i++) {
            below.put(firstIndex + i, leaves.get(i));
        }
        int belowLevel = 0;
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int batched = 0;
            for (int level = StoredTree.STORED_LEVEL_STEP; (1L << level) <= end; level += StoredTree.STORED_LEVEL_STEP) {
                Map<Long, byte[]> completed = new HashMap<>();
                for (long node = firstIndex >> level; node < end >> level; node++) {
                    byte[] hash = StoredTree.fold(children(stored, belowLevel, below, node * CHILDREN));
                    completed.put(node, hash);
                    insert.setInt(1, level);
                    insert.setLong(2, node);
                    insert.setString(3, MerkleHashes.hex(hash));
                    insert.addBatch();
                    batched++;
                }
                below = completed;
                belowLevel = level;
            }
            if (batched > 0) {
                insert.executeBatch();
            }
        }
    }

    /** Sixteen hashes of one level from {@code first}: those of this run from memory, earlier ones as stored. */
    private static List<byte[]> children(StoredTree stored, int level, Map<Long, byte[]> fresh, long first) {
        List<byte[]> children = new ArrayList<>(CHILDREN);
        long storedUntil = first;
        while (storedUntil < first + CHILDREN && !fresh.containsKey(storedUntil)) {
            storedUntil++;
        }
        if (storedUntil > first) {
            children.addAll(stored.stored(level, first, storedUntil - 1));
        }
        for (long i = storedUntil; i < first + CHILDREN; i++) {
            children.add(fresh.get(i));
        }
        return children;
    }
}
