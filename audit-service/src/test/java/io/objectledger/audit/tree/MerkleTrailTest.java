package io.objectledger.audit.tree;

import io.objectledger.audit.query.AuditProjection;
import io.objectledger.audit.query.TreeBackfill;
import io.objectledger.events.lifecycle.ObjectCreated;
import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;
import io.objectledger.events.trail.Checkpoint;
import io.objectledger.events.trail.CheckpointKeys;
import io.objectledger.events.trail.MerkleHashes;
import io.objectledger.events.trail.MerkleTree;
import io.objectledger.events.trail.SignedCheckpoint;
import io.objectledger.support.db.SchemaMigration;
import io.objectledger.support.events.ReceivedLifecycleEvent;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trail's Merkle tree on a real (embedded) database with the service's migrations: what the
 * projection stores is the RFC 9162 tree over the entries' canonical leaves, proofs from it
 * verify, and a verification names the first position an edit of the table affects.
 */
class MerkleTrailTest {

    /** Batch sizes as the consumer hands them over: runs that start and end inside and across subtrees. */
    private static final int[] BATCHES = {1, 7, 16, 3, 40, 200, 1, 33, 99};
    private static final KeyPair KEY = CheckpointKeys.generateEd25519();

    private final AuditProjection projection = new AuditProjection();
    private JdbcDataSource dataSource;
    private int appended;

    @BeforeEach
    void trailOfSeveralBatches() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        SchemaMigration.migrate(dataSource, AuditProjection.class);
        for (int size : BATCHES) {
            appendBatch(size);
        }
    }

    @Test
    void storedLeavesAreTheEntriesCanonicalEncodingsAndNodesTheTreeOverThem() throws SQLException {
        List<byte[]> leaves = storedLeaves();
        Map<String, String> nodes = storedNodes();

        assertThat(leaves).hasSize(appended);
        int expectedNodes = 0;
        for (int level = 4; (1 << level) <= appended; level += 4) {
            for (long index = 0; (index + 1) << level <= appended; index++) {
                expectedNodes++;
                byte[] reference = MerkleTree.range(inMemory(leaves), index << level, (index + 1) << level);
                assertThat(nodes.get(level + ":" + index)).as("node %d at level %d", index, level)
                        .isEqualTo(MerkleHashes.hex(reference));
            }
        }
        assertThat(nodes).hasSize(expectedNodes);
        try (Connection connection = dataSource.getConnection()) {
            for (long size = 1; size <= appended; size++) {
                assertThat(MerkleTree.root(new StoredTree(connection), size)).as("root at %d", size)
                        .isEqualTo(MerkleTree.root(inMemory(leaves), size));
            }
        }
    }

    @Test
    void inclusionAndConsistencyProofsFromTheStoredTreeVerify() throws SQLException {
        TreeProofs proofs = new TreeProofs(dataSource);
        List<byte[]> leaves = storedLeaves();

        for (long size : new long[] {1, 17, 256, 257, appended}) {
            byte[] root = MerkleTree.root(inMemory(leaves), size);
            for (long position = 1; position <= size; position += 13) {
                TreeProofs.InclusionProof proof = proofs.inclusion(position, size);
                assertThat(proof.rootHash()).isEqualTo(MerkleHashes.hex(root));
                assertThat(MerkleTree.verifyInclusion(leaves.get((int) position - 1), position - 1, size,
                        unhex(proof.auditPath()), root)).as("position %d in %d", position, size).isTrue();
            }
        }
        TreeProofs.ConsistencyProof consistency = proofs.consistency(100, appended);
        assertThat(MerkleTree.verifyConsistency(100, appended, MerkleTree.root(inMemory(leaves), 100),
                MerkleTree.root(inMemory(leaves), appended), unhex(consistency.path()))).isTrue();
    }

    @Test
    void untouchedTrailVerifiesAgainstItsCheckpoints() throws SQLException {
        RangeVerification verification = verifyAll(checkpoint(150), checkpoint(appended));

        assertThat(verification.verified()).as(verification.reason()).isTrue();
        assertThat(verification.entriesChecked()).isEqualTo(appended);
        assertThat(verification.verifiedSize()).isEqualTo(appended);
        assertThat(verification.firstFailingPosition()).isNull();
    }

    @Test
    void aRangeVerifiesFromItsOwnEntriesAndTheStoredTreeAroundThem() throws SQLException {
        SignedCheckpoint whole = checkpoint(appended);

        RangeVerification range = new TrailVerification(dataSource).verify(100, 120, List.of(whole));

        assertThat(range.verified()).as(range.reason()).isTrue();
        assertThat(range.entriesChecked()).isEqualTo(21);
    }

    @Test
    void aChangedFieldIsNamedAtItsPosition() throws SQLException {
        SignedCheckpoint checkpoint = checkpoint(appended);
        execute("UPDATE audit_entry SET principal_id = 'mallory' WHERE position = 77");

        assertFailsAt(verifyAll(checkpoint), 77);
    }

    @Test
    void aDeletedEntryIsNamedAtItsPosition() throws SQLException {
        SignedCheckpoint checkpoint = checkpoint(appended);
        execute("DELETE FROM audit_entry WHERE position = 200");

        assertFailsAt(verifyAll(checkpoint), 200);
    }

    @Test
    void theNewestEntriesDeletedAreNamedAtTheFirst() throws SQLException {
        SignedCheckpoint checkpoint = checkpoint(appended);
        execute("DELETE FROM audit_entry WHERE position > " + (appended - 5));

        assertFailsAt(verifyAll(checkpoint), appended - 4);
    }

    @Test
    void swappedEntriesAreNamedAtTheFirst() throws SQLException {
        SignedCheckpoint checkpoint = checkpoint(appended);
        execute("UPDATE audit_entry SET position = -1 WHERE position = 30");
        execute("UPDATE audit_entry SET position = 30 WHERE position = 90");
        execute("UPDATE audit_entry SET position = 90 WHERE position = -1");

        assertFailsAt(verifyAll(checkpoint), 30);
    }

    @Test
    void aChangedEntryWithItsLeafRecomputedFailsThroughTheSignatureAfterTheLastCheckpointThatHolds()
            throws SQLException {
        SignedCheckpoint before = checkpoint(150);
        SignedCheckpoint after = checkpoint(appended);
        execute("UPDATE audit_entry SET principal_id = 'mallory' WHERE position = 160");
        recomputeLeafAndTree(160);

        RangeVerification verification = verifyAll(before, after);

        assertFailsAt(verification, 151);
        assertThat(verification.verifiedSize()).isEqualTo(150);
        assertThat(verification.reason()).contains("signed at size " + appended);
    }

    @Test
    void entriesFromBeforeTheTreeGetTheirLeavesAndTheTreeItsNodesAtStart() throws SQLException {
        SignedCheckpoint original = checkpoint(appended);
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("UPDATE audit_entry SET leaf_hash = NULL, payload_salt = NULL");
            sql.executeUpdate("DELETE FROM trail_node");
        }

        TreeBackfill.run(dataSource);
        appendBatch(20);

        assertThat(storedLeaves()).hasSize(appended).doesNotContainNull();
        RangeVerification verification = verifyAll(checkpoint(appended));
        assertThat(verification.verified()).as(verification.reason()).isTrue();
        // New salts give new leaves: the earlier checkpoint signed other leaves over the same entries.
        assertThat(verifyAll(original).verified()).isFalse();
    }

    @Test
    void writersAppendingAtOnceKeepPositionsDenseAndTheTreeWhole() throws Exception {
        int writers = 4;
        int batchesEach = 15;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> running = new ArrayList<>();
        for (int writer = 0; writer < writers; writer++) {
            int first = 100_000 * (writer + 1);
            running.add(pool.submit(() -> {
                for (int batch = 0; batch < batchesEach; batch++) {
                    append(events(first + batch * 10, 1 + batch % 10));
                }
                return null;
            }));
        }
        for (Future<?> writer : running) {
            writer.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        long total = appended + writers * (long) (batchesEach / 10 * 55 + sumOfFirst(batchesEach % 10));

        List<byte[]> leaves = storedLeaves();
        assertThat(leaves).hasSize((int) total).doesNotContainNull();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT MIN(position), MAX(position), COUNT(*) FROM audit_entry")) {
            rows.next();
            assertThat(List.of(rows.getLong(1), rows.getLong(2), rows.getLong(3))).containsExactly(1L, total, total);
        }
        RangeVerification verification = verifyAll(checkpoint(total));
        assertThat(verification.verified()).as(verification.reason()).isTrue();
        try (Connection connection = dataSource.getConnection()) {
            assertThat(MerkleTree.root(new StoredTree(connection), total))
                    .isEqualTo(MerkleTree.root(inMemory(leaves), total));
        }
    }

    private static long sumOfFirst(int n) {
        return (long) n * (n + 1) / 2;
    }

    private RangeVerification verifyAll(SignedCheckpoint... checkpoints) {
        List<SignedCheckpoint> sorted = new ArrayList<>(List.of(checkpoints));
        long last = sorted.get(sorted.size() - 1).checkpoint().treeSize();
        return new TrailVerification(dataSource).verify(1, last, sorted);
    }

    private static void assertFailsAt(RangeVerification verification, long position) {
        assertThat(verification.verified()).isFalse();
        assertThat(verification.firstFailingPosition()).as(verification.reason()).isEqualTo(position);
    }

    /** A checkpoint of the tree as stored now at {@code size}, signed as the service signs. */
    private SignedCheckpoint checkpoint(long size) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Checkpoint checkpoint = new Checkpoint("test", size, MerkleTree.root(new StoredTree(connection), size),
                    Instant.parse("2026-12-07T10:00:00Z"));
            return SignedCheckpoint.sign(checkpoint, KEY.getPrivate(), CheckpointKeys.keyId(KEY.getPublic()));
        }
    }

    /** What someone who knows the encoding does after an edit: the entry's leaf and every node made again. */
    private void recomputeLeafAndTree(long position) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("UPDATE audit_entry SET leaf_hash = NULL WHERE position >= " + position);
            sql.executeUpdate("DELETE FROM trail_node");
            connection.setAutoCommit(false);
            List<byte[]> leaves = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("SELECT " + io.objectledger.audit.query.EntryRows.COLUMNS
                    + " FROM audit_entry ORDER BY position")) {
                while (rows.next()) {
                    byte[] leaf = io.objectledger.audit.query.Leaves.of(
                            io.objectledger.audit.query.EntryRows.read(rows)).leafHash();
                    leaves.add(leaf);
                }
            }
            try (var update = connection.prepareStatement("UPDATE audit_entry SET leaf_hash = ? WHERE position = ?")) {
                for (int i = 0; i < leaves.size(); i++) {
                    update.setString(1, MerkleHashes.hex(leaves.get(i)));
                    update.setLong(2, i + 1);
                    update.addBatch();
                }
                update.executeBatch();
            }
            TreeAppender.append(connection, 1, leaves);
            connection.commit();
        }
    }

    private void appendBatch(int size) {
        append(events(appended, size));
        appended += size;
    }

    private void append(List<ReceivedLifecycleEvent> batch) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            projection.apply(connection, batch);
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code size} creations of distinct objects, numbered from {@code first}. */
    private static List<ReceivedLifecycleEvent> events(int first, int size) {
        List<ReceivedLifecycleEvent> batch = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int n = first + i;
            ObjectIdentity object = new ObjectIdentity("records", "2026/doc-" + n + ".pdf");
            String time = Instant.parse("2026-11-27T10:00:00Z").plusSeconds(n).toString();
            ChangeContext change = new ChangeContext("change-" + n, "ObjectCreated:Put", Instant.parse(time),
                    Instant.parse(time).plusSeconds(1), "", "auditor", "records-owner", "192.0.2.7", "req-" + n,
                    "4116-default-default", "notif", "");
            batch.add(new ReceivedLifecycleEvent("event-" + n, "io.objectledger.object.created.v1", 0,
                    new ObjectCreated(object, new ObjectFacts(n, "e" + n, "", Map.of("owner", "é " + n), Map.of()),
                            change, null)));
        }
        return batch;
    }

    private List<byte[]> storedLeaves() throws SQLException {
        List<byte[]> leaves = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT leaf_hash FROM audit_entry ORDER BY position")) {
            while (rows.next()) {
                leaves.add(rows.getString(1) == null ? null : MerkleHashes.unhex(rows.getString(1).trim()));
            }
        }
        return leaves;
    }

    private Map<String, String> storedNodes() throws SQLException {
        Map<String, String> nodes = new HashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT level, node_index, hash FROM trail_node")) {
            while (rows.next()) {
                nodes.put(rows.getInt(1) + ":" + rows.getLong(2), rows.getString(3).trim());
            }
        }
        return nodes;
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate(sql)).as(sql).isPositive();
        }
    }

    private static io.objectledger.events.trail.PerfectSubtrees inMemory(List<byte[]> leaves) {
        return (level, index) -> {
            long first = index << level;
            List<byte[]> run = leaves.subList((int) first, (int) (first + (1L << level)));
            return StoredTree.fold(run);
        };
    }

    private static List<byte[]> unhex(List<String> hashes) {
        return hashes.stream().map(MerkleHashes::unhex).toList();
    }
}
