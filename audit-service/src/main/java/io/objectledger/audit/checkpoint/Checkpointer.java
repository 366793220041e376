package io.objectledger.audit.checkpoint;

import io.objectledger.audit.config.AuditStore;
import io.objectledger.audit.tree.MissingTreeNodeException;
import io.objectledger.audit.tree.StoredTree;
import io.objectledger.events.trail.Checkpoint;
import io.objectledger.events.trail.MerkleHashes;
import io.objectledger.events.trail.MerkleTree;
import io.objectledger.events.trail.SignedCheckpoint;
import io.objectledger.support.db.StoreUnavailableException;
import io.objectledger.support.kafka.KafkaRecordSender;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes signed checkpoints of the trail's tree, periodically when it has grown and on demand,
 * stores each and publishes it to Kafka, so that copies live outside the database. Before it
 * signs a size it checks that the stored tree still has the root of the last checkpoint: a
 * service whose database was rewritten refuses to sign the rewritten history.
 */
@ApplicationScoped
public class Checkpointer {

    private static final Logger LOG = Logger.getLogger(Checkpointer.class.getName());
    private static final String HEAD = "SELECT size FROM trail_head WHERE id = 1";

    @Inject
    CheckpointKey key;

    @Inject
    AuditStore store;

    @Inject
    KafkaRecordSender sender;

    @Inject
    @ConfigProperty(name = "audit.checkpoint.origin", defaultValue = "object-ledger")
    String origin;

    @Inject
    @ConfigProperty(name = "audit.checkpoint.interval.seconds", defaultValue = "60")
    long intervalSeconds;

    @Inject
    @ConfigProperty(name = "audit.checkpoint.enabled", defaultValue = "true")
    boolean periodic;

    @Inject
    @ConfigProperty(name = "ledger.topic.checkpoints", defaultValue = "object-ledger-checkpoints")
    String topic;

    private ScheduledExecutorService schedule;

    void start(@Observes Startup startup) {
        if (!key.present() || !periodic) {
            LOG.info(() -> "Audit-trail checkpoints are taken on demand only" + (key.present() ? ""
                    : " once a key is configured"));
            return;
        }
        schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "audit-checkpoints");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(this::periodically, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
        LOG.info(() -> "Taking an audit-trail checkpoint every " + intervalSeconds + " s while the trail grows, "
                + "published to " + topic);
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }

    private void periodically() {
        try {
            publishPending();
            take();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not take the periodic audit-trail checkpoint; trying again in "
                    + intervalSeconds + " s: " + e.getMessage(), e);
        }
    }

    /**
     * A checkpoint of the trail as committed now: the stored one when the trail has not grown
     * since; empty without a signing key.
     *
     * @throws HistoryRewrittenException when the stored tree no longer has the last checkpoint's root
     */
    public Optional<SignedCheckpoint> take() {
        if (!key.present()) {
            return Optional.empty();
        }
        SignedCheckpoint taken;
        boolean fresh;
        try (Connection connection = store.dataSource().getConnection()) {
            long size = committedSize(connection);
            Optional<SignedCheckpoint> latest = CheckpointStore.latest(connection);
            if (latest.isPresent() && latest.get().checkpoint().treeSize() == size) {
                return latest;
            }
            StoredTree tree = new StoredTree(connection);
            latest.ifPresent(last -> requireUnchanged(tree, last));
            Checkpoint checkpoint = new Checkpoint(origin, size, MerkleTree.root(tree, size),
                    Instant.now().truncatedTo(ChronoUnit.MICROS));
            SignedCheckpoint signed = SignedCheckpoint.sign(checkpoint, key.privateKey(), key.keyId());
            taken = storeOnce(connection, signed);
            fresh = taken == signed;
        } catch (SQLException e) {
            throw new StoreUnavailableException("Cannot take an audit-trail checkpoint: " + e.getMessage(), e);
        }
        if (fresh) {
            LOG.info(() -> "Signed audit-trail checkpoint at size " + taken.checkpoint().treeSize() + ", root "
                    + MerkleHashes.hex(taken.checkpoint().rootHash()));
            publish(taken);
        }
        return Optional.of(taken);
    }

    private static SignedCheckpoint storeOnce(Connection connection, SignedCheckpoint signed) throws SQLException {
        try {
            return CheckpointStore.insertOrExisting(connection, signed);
        } catch (SQLException raced) {
            // Another replica stored this size between our look and our insert: theirs stands.
            return CheckpointStore.atSize(connection, signed.checkpoint().treeSize()).orElseThrow(() -> raced);
        }
    }

    private static void requireUnchanged(StoredTree tree, SignedCheckpoint last) {
        Checkpoint previous = last.checkpoint();
        try {
            if (!Arrays.equals(MerkleTree.root(tree, previous.treeSize()), previous.rootHash())) {
                throw new HistoryRewrittenException(previous.treeSize());
            }
        } catch (MissingTreeNodeException missing) {
            throw new HistoryRewrittenException(previous.treeSize());
        }
    }

    /** Publishes the checkpoints whose publication failed or never finished (a crash after storing). */
    void publishPending() {
        List<SignedCheckpoint> pending;
        try (Connection connection = store.dataSource().getConnection()) {
            pending = CheckpointStore.unpublished(connection);
        } catch (SQLException e) {
            throw new StoreUnavailableException("Cannot read unpublished checkpoints: " + e.getMessage(), e);
        }
        pending.forEach(this::publish);
    }

    private void publish(SignedCheckpoint signed) {
        long size = signed.checkpoint().treeSize();
        sender.send(new ProducerRecord<>(topic, Long.toString(size), signed.toJson().getBytes(StandardCharsets.UTF_8)))
                .whenComplete((metadata, error) -> {
                    if (error != null) {
                        LOG.warning(() -> "Checkpoint at size " + size + " is stored but not yet published to " + topic
                                + " (" + error.getMessage() + "); the next periodic run publishes it");
                        return;
                    }
                    try (Connection connection = store.dataSource().getConnection()) {
                        CheckpointStore.markPublished(connection, size, Instant.now());
                    } catch (SQLException e) {
                        LOG.warning(() -> "Checkpoint at size " + size + " is published but could not be marked so; "
                                + "it will be published again: " + e.getMessage());
                    }
                });
    }

    private static long committedSize(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(HEAD);
             ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("trail_head has no row: the schema was not migrated");
            }
            return row.getLong(1);
        }
    }

    public Optional<SignedCheckpoint> latest() {
        return read(connection -> CheckpointStore.latest(connection));
    }

    public Optional<SignedCheckpoint> atSize(long treeSize) {
        return read(connection -> CheckpointStore.atSize(connection, treeSize));
    }

    /** The stored checkpoints of sizes from {@code fromSize} to {@code toSize}, smallest first. */
    public List<SignedCheckpoint> between(long fromSize, long toSize) {
        return read(connection -> CheckpointStore.between(connection, fromSize, toSize));
    }

    private <T> T read(SqlRead<T> read) {
        try (Connection connection = store.dataSource().getConnection()) {
            return read.apply(connection);
        } catch (SQLException e) {
            throw new StoreUnavailableException("Cannot read the audit trail's checkpoints: " + e.getMessage(), e);
        }
    }

    private interface SqlRead<T> {
        T apply(Connection connection) throws SQLException;
    }
}
