package io.objectledger.support.consumer;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.WakeupException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One thread that polls a batch, hands it to the service, and commits the offsets only of what
 * the service has made durable: at-least-once, one round trip per batch instead of one per
 * record, and a commit at most every {@link ConsumerPacing#commitInterval()}. Nothing ends the
 * loop but {@link #close()}: a
 * failed batch is fetched again after a back-off (the loop keeps polling, so the member stays in
 * its group), and a broker that crashes is waited out by the Kafka client, which reconnects by
 * itself.
 */
public final class ConsumerLoop implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class.getName());

    private final ConsumerLoopSettings settings;
    private final ConsumerPacing pacing;
    private final long commitIntervalNanos;
    private final BatchHandler handler;
    private final Consumer<String, byte[]> consumer;
    private final Thread thread;
    private final AtomicLong records = new AtomicLong();
    private volatile boolean running = true;
    private volatile Instant lastPoll = Instant.now();
    private volatile Instant failingSince;
    private volatile String lastFailure;
    private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();
    private long lastCommitNanos = System.nanoTime();

    private ConsumerLoop(ConsumerLoopSettings settings, BatchHandler handler) {
        this.settings = settings;
        this.pacing = settings.pacing();
        this.commitIntervalNanos = pacing.commitInterval().toNanos();
        this.handler = handler;
        this.consumer = new KafkaConsumer<>(settings.consumerConfig());
        this.thread = new Thread(this::run, "ledger-consumer-" + settings.group());
    }

    public static ConsumerLoop start(ConsumerLoopSettings settings, BatchHandler handler) {
        ConsumerLoop loop = new ConsumerLoop(settings, handler);
        loop.thread.start();
        return loop;
    }

    private void run() {
        LOG.info(() -> "Consuming " + settings.topics() + " as " + settings.clientId() + " in group "
                + settings.group() + ", up to " + settings.maxBatch() + " records per batch");
        Duration backoff = pacing.firstBackoff();
        try {
            consumer.subscribe(settings.topics(), new CommitBeforeRevoking());
            while (running) {
                ConsumerRecords<String, byte[]> polled = poll();
                if (polled.isEmpty()) {
                    commit();
                    continue;
                }
                List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(polled.count());
                polled.forEach(batch::add);
                int done = handled(batch);
                if (done > 0) {
                    remember(batch.subList(0, done));
                    if (done < batch.size()) {
                        rewind(batch.subList(done, batch.size()));
                    }
                    if (System.nanoTime() - lastCommitNanos >= commitIntervalNanos) {
                        commit();
                    }
                    backoff = pacing.firstBackoff();
                } else {
                    rewind(batch);
                    pause(backoff);
                    backoff = pacing.backoffAfter(backoff);
                }
            }
        } catch (WakeupException closing) {
            // close() was called
        } catch (RuntimeException | Error unexpected) {
            lastFailure = String.valueOf(unexpected);
            LOG.log(Level.SEVERE, "The consumer of " + settings.topics() + " stopped; liveness now reports DOWN"
                    + " so the service is restarted", unexpected);
            throw unexpected;
        } finally {
            running = false;
            commitBeforeClosing();
            // A static member stays in its group when it closes unless told to leave: leaving hands
            // its partitions to the others at once (a scale-down, a rolling update).
            consumer.close(CloseOptions.groupMembershipOperation(GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(5)));
        }
    }

    private ConsumerRecords<String, byte[]> poll() {
        try {
            ConsumerRecords<String, byte[]> polled = consumer.poll(pacing.pollTimeout());
            lastPoll = Instant.now();
            return polled;
        } catch (WakeupException closing) {
            throw closing;
        } catch (FencedInstanceIdException e) {
            // Never clears by itself: ends the loop, and liveness restarts the service.
            throw new IllegalStateException("Another process consumes " + settings.topics() + " as "
                    + settings.clientId() + ": every instance of a service needs a name of its own"
                    + " (ledger.instance, the pod name by default)", e);
        } catch (KafkaException e) {
            LOG.warning(() -> "Polling " + settings.topics() + " failed, polling again: " + e);
            return ConsumerRecords.empty();
        }
    }

    /** How many records of the batch the handler finished; 0 when it failed. */
    private int handled(List<ConsumerRecord<String, byte[]>> batch) {
        try {
            int done = Math.min(handler.handle(batch), batch.size());
            records.addAndGet(done);
            if (failingSince != null) {
                LOG.info(() -> "Batches from " + settings.topics() + " are processed again after failing since "
                        + failingSince);
                failingSince = null;
            }
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        } catch (Exception e) {
            if (failingSince == null) {
                failingSince = Instant.now();
            }
            lastFailure = String.valueOf(e);
            LOG.log(Level.WARNING, "A batch of " + batch.size() + " records from " + settings.topics()
                    + " failed and will be fetched again: " + e, e);
            return 0;
        }
    }

    /** Notes the offsets after these records, to be committed with the next commit. */
    private void remember(List<ConsumerRecord<String, byte[]>> done) {
        for (ConsumerRecord<String, byte[]> record : done) {
            uncommitted.merge(new TopicPartition(record.topic(), record.partition()),
                    new OffsetAndMetadata(record.offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
    }

    /** Commits what was done since the last commit; a failed commit only means those records come again. */
    private void commit() {
        lastCommitNanos = System.nanoTime();
        if (uncommitted.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = Map.copyOf(uncommitted);
        uncommitted.clear();
        try {
            consumer.commitSync(offsets);
        } catch (WakeupException closing) {
            throw closing;
        } catch (KafkaException e) {
            LOG.warning(() -> "Could not commit offsets " + offsets + "; those records will be delivered again"
                    + " and recognised as already processed: " + e);
        }
    }

    private void commitBeforeClosing() {
        try {
            commit();
        } catch (RuntimeException e) {
            LOG.warning(() -> "Could not commit offsets while closing; the records since the last commit will be"
                    + " delivered again and recognised as already processed: " + e);
        }
    }

    /** Partitions moving to another member take their done offsets along, so it starts where this one stopped. */
    private final class CommitBeforeRevoking implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            commit();
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // nothing to do: the committed offsets say where to start
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            // Another member owns them already: committing would fail, and it re-delivers anyway.
            uncommitted.keySet().removeAll(partitions);
        }
    }

    /** Moves each partition back to the first of these records, so the next poll fetches them again. */
    private void rewind(List<ConsumerRecord<String, byte[]>> batch) {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : batch) {
            first.merge(new TopicPartition(record.topic(), record.partition()), record.offset(), Math::min);
        }
        first.forEach((partition, offset) -> {
            if (consumer.assignment().contains(partition)) {
                consumer.seek(partition, offset);
            }
        });
    }

    private void pause(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        }
    }

    public boolean isRunning() {
        return running && thread.isAlive();
    }

    public ConsumerLoopSettings settings() {
        return settings;
    }

    public Instant lastPoll() {
        return lastPoll;
    }

    public long recordsProcessed() {
        return records.get();
    }

    /** Since when batches keep failing, or null while they succeed. */
    public Instant failingSince() {
        return failingSince;
    }

    public String lastFailure() {
        return lastFailure;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(Duration.ofSeconds(10).toMillis());
    }
}
