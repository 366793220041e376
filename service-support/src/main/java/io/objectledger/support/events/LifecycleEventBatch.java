package io.objectledger.support.events;

import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * How a subscriber takes a batch from the lifecycle-events topic: decode every record, hand
 * them to its projection, and commit them in one transaction. Projections are idempotent, so a
 * batch that fails, or comes again after a crash, is simply applied again.
 */
public final class LifecycleEventBatch {

    private static final Logger LOG = Logger.getLogger(LifecycleEventBatch.class.getName());

    /** Writes a batch's events with the given connection (in as few round trips as it can); the caller commits. */
    @FunctionalInterface
    public interface Projection {
        void apply(Connection connection, List<ReceivedLifecycleEvent> events) throws SQLException;
    }

    private LifecycleEventBatch() {
    }

    public static void applyInOneTransaction(DataSource dataSource, List<ConsumerRecord<String, byte[]>> batch,
                                             Projection projection) throws SQLException {
        List<ReceivedLifecycleEvent> events = decode(batch);
        if (events.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                projection.apply(connection, events);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    static List<ReceivedLifecycleEvent> decode(List<ConsumerRecord<String, byte[]>> batch) {
        List<ReceivedLifecycleEvent> events = new ArrayList<>(batch.size());
        for (ConsumerRecord<String, byte[]> record : batch) {
            decode(record).ifPresent(events::add);
        }
        return events;
    }

    /** One record; empty (and logged) when it cannot be read or is of a type this build does not know. */
    public static Optional<ReceivedLifecycleEvent> decode(ConsumerRecord<String, byte[]> record) {
        ReceivedAttributes attributes;
        Optional<ReceivedLifecycleEvent> received;
        try {
            attributes = KafkaMessageFactory.createReader(record.headers(), record.value())
                    .read(version -> new ReceivedAttributes());
            received = ReceivedLifecycleEvent.from(attributes);
        } catch (RuntimeException unreadable) {
            // Only the ledger writes this topic, after validating; a record it cannot read is a bug to report.
            LOG.severe(() -> "Skipping an unreadable lifecycle event at " + record.topic() + "-" + record.partition()
                    + "@" + record.offset() + ": " + unreadable);
            return Optional.empty();
        }
        if (received.isEmpty()) {
            LOG.warning(() -> "Skipping lifecycle event " + attributes.id() + " of type " + attributes.type()
                    + ", which this version does not know; upgrade to project it");
        }
        return received;
    }
}
