package io.objectledger.audit.tree;

import io.objectledger.events.trail.MerkleHashes;
import io.objectledger.events.trail.MerkleTree;
import io.objectledger.support.db.StoreUnavailableException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** RFC 9162 inclusion and consistency proofs from the stored tree: a few dozen rows read at any size. */
public final class TreeProofs {

    private static final String HEAD = "SELECT size FROM trail_head WHERE id = 1";

    /** Entry {@code position}'s leaf is in the tree of {@code treeSize} with root {@code rootHash} (all hex). */
    public record InclusionProof(long position, long treeSize, String leafHash, List<String> auditPath,
                                 String rootHash) {
    }

    /** The tree of {@code toSize} extends the tree of {@code fromSize}: roots and the RFC 9162 proof, hex. */
    public record ConsistencyProof(long fromSize, long toSize, String fromRoot, String toRoot, List<String> path) {
    }

    private final DataSource dataSource;

    public TreeProofs(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long committedSize() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(HEAD);
             ResultSet row = query.executeQuery()) {
            return row.next() ? row.getLong(1) : 0;
        } catch (SQLException e) {
            throw new StoreUnavailableException("Cannot read the audit trail's size: " + e.getMessage(), e);
        }
    }

    public InclusionProof inclusion(long position, long treeSize) {
        try (Connection connection = dataSource.getConnection()) {
            StoredTree tree = new StoredTree(connection);
            return new InclusionProof(position, treeSize, MerkleHashes.hex(tree.hash(0, position - 1)),
                    hex(MerkleTree.inclusionProof(tree, position - 1, treeSize)),
                    MerkleHashes.hex(MerkleTree.root(tree, treeSize)));
        } catch (SQLException e) {
            throw new StoreUnavailableException("Cannot read the audit trail's tree: " + e.getMessage(), e);
        }
    }

    public ConsistencyProof consistency(long fromSize, long toSize) {
        try (Connection connection = dataSource.getConnection()) {
            StoredTree tree = new StoredTree(connection);
            return new ConsistencyProof(fromSize, toSize, MerkleHashes.hex(MerkleTree.root(tree, fromSize)),
                    MerkleHashes.hex(MerkleTree.root(tree, toSize)),
                    hex(MerkleTree.consistencyProof(tree, fromSize, toSize)));
        } catch (SQLException e) {
            throw new StoreUnavailableException("Cannot read the audit trail's tree: " + e.getMessage(), e);
        }
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(MerkleHashes::hex).toList();
    }
}
