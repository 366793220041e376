package io.objectledger.ingest.redrive;

import io.objectledger.support.kafka.KafkaClientSettings;
import io.objectledger.support.kafka.KafkaRecordSender;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Starts, follows and cancels re-drives of dead letters back to the topic they came from: ingest's
 * to the notifications topic (so they are routed again), lifecycle's to the commands topic. When
 * ingest starts, the re-drives still running in the store are resumed: this instance's own, and
 * those whose owner has not reported for {@code ledger.redrive.takeover-after-ms}.
 */
@ApplicationScoped
public class RedriveService implements RedriveStore.Listener {

    private static final Logger LOG = Logger.getLogger(RedriveService.class.getName());

    @Inject
    KafkaClientSettings kafka;

    @Inject
    KafkaRecordSender sender;

    @Inject
    @ConfigProperty(name = "ledger.instance")
    String instance;

    @Inject
    @ConfigProperty(name = "ledger.service.name")
    String serviceName;

    @Inject
    @ConfigProperty(name = "ledger.topic.notifications")
    String notificationsTopic;

    @Inject
    @ConfigProperty(name = "ledger.topic.dead-letters")
    String notificationDeadLetters;

    @Inject
    @ConfigProperty(name = "ledger.topic.commands")
    String commandsTopic;

    @Inject
    @ConfigProperty(name = "ledger.topic.commands-dead-letters", defaultValue = "object-commands-dlq")
    String commandDeadLetters;

    @Inject
    @ConfigProperty(name = "ledger.topic.redrives", defaultValue = "ledger-redrives")
    String redrivesTopic;

    @Inject
    @ConfigProperty(name = "ledger.redrive.report-interval-ms", defaultValue = "5000")
    long reportIntervalMs;

    @Inject
    @ConfigProperty(name = "ledger.redrive.takeover-after-ms", defaultValue = "60000")
    long takeoverAfterMs;

    @Inject
    @ConfigProperty(name = "ledger.ingest.broker-timeout-ms")
    long brokerTimeoutMs;

    private final Map<String, RedriveJob> jobs = new ConcurrentHashMap<>();
    private final Map<String, Thread> threads = new ConcurrentHashMap<>();
    private RedriveStore store;

    void startWithApplication(@Observes Startup startup) {
        store = new RedriveStore(redrivesTopic, instance, serviceName + "-redrives-" + instance, kafka, sender, this);
        store.start();
    }

    /** Each dead-letter topic a re-drive may read, and the topic its records go back to. */
    public Map<String, String> targets() {
        return Map.of(notificationDeadLetters, notificationsTopic, commandDeadLetters, commandsTopic);
    }

    /** Starts a re-drive; it is in the store before this returns, so it is resumed after a crash. */
    public Redrive start(String deadLetterTopic, DeadLetterFilter filter) {
        String target = targets().get(deadLetterTopic);
        if (target == null) {
            throw new RedriveRefusedException(400, "unknown-topic", "'" + deadLetterTopic
                    + "' is not a dead-letter topic of the ledger; one of " + targets().keySet());
        }
        requireLoaded();
        RedriveDefinition definition = new RedriveDefinition(UUID.randomUUID().toString(), deadLetterTopic, target,
                filter, Instant.now());
        Map<Integer, Long> beginning = new HashMap<>();
        Map<Integer, Long> end = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(definition.id())) {
            Duration timeout = Duration.ofMillis(brokerTimeoutMs);
            List<PartitionInfo> infos = consumer.partitionsFor(deadLetterTopic, timeout);
            if (infos == null || infos.isEmpty()) {
                throw new RedriveRefusedException(400, "unknown-topic", "the topic '" + deadLetterTopic
                        + "' does not exist on the broker");
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(info -> new TopicPartition(deadLetterTopic, info.partition())).toList();
            consumer.beginningOffsets(partitions, timeout).forEach((tp, offset) -> beginning.put(tp.partition(), offset));
            consumer.endOffsets(partitions, timeout).forEach((tp, offset) -> end.put(tp.partition(), offset));
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw brokerUnavailable(e);
        }
        Redrive redrive = new Redrive(definition, RedriveProgress.starting(instance, beginning, end, Instant.now()));
        awaitBroker(store.save(redrive));
        LOG.info(() -> "Starting re-drive " + definition.id() + " of " + deadLetterTopic + " to " + target + " ("
                + filter + "): " + redrive.progress().remaining() + " dead letters to scan");
        run(redrive);
        return redrive;
    }

    public Optional<Redrive> find(String id) {
        RedriveJob job = jobs.get(id);
        if (job != null) {
            return Optional.of(job.current());
        }
        requireLoaded();
        return store.find(id);
    }

    /** Every re-drive known, the latest first. */
    public List<Redrive> all() {
        requireLoaded();
        Map<String, Redrive> all = new HashMap<>();
        store.all().forEach(redrive -> all.put(redrive.id(), redrive));
        jobs.values().forEach(job -> all.put(job.current().id(), job.current()));
        return all.values().stream()
                .sorted(Comparator.comparing((Redrive redrive) -> redrive.definition().requestedAt()).reversed())
                .toList();
    }

    /** Cancels it here, or asks the replica running it to; a finished one stays as it is. */
    public Optional<Redrive> cancel(String id) {
        RedriveJob job = jobs.get(id);
        if (job != null) {
            job.cancel();
            return Optional.of(job.current());
        }
        Optional<Redrive> known = find(id);
        if (known.isPresent() && known.get().progress().state() == RedriveState.RUNNING) {
            awaitBroker(store.requestCancel(id));
        }
        return known;
    }

    @Override
    public void loaded(Collection<Redrive> redrives) {
        Instant staleBefore = Instant.now().minusMillis(takeoverAfterMs);
        for (Redrive redrive : redrives) {
            RedriveProgress progress = redrive.progress();
            boolean mine = instance.equals(progress.owner()) || progress.updatedAt() == null
                    || progress.updatedAt().isBefore(staleBefore);
            if (progress.state() != RedriveState.RUNNING || !mine || jobs.containsKey(redrive.id())) {
                continue;
            }
            if (store.cancelRequested(redrive.id())) {
                try {
                    awaitBroker(store.save(redrive.with(progress.finished(RedriveState.CANCELLED, null, Instant.now()))));
                } catch (RedriveRefusedException notSaved) {
                    // Its cancel request stays in the store, so the next start cancels it again.
                    LOG.warning(() -> "Could not save re-drive " + redrive.id() + " as cancelled: "
                            + notSaved.getMessage());
                }
                continue;
            }
            LOG.info(() -> "Resuming re-drive " + redrive.id() + " of " + redrive.definition().deadLetterTopic()
                    + " at " + progress.nextOffsets() + " of " + progress.endOffsets() + " (was run by "
                    + progress.owner() + ")");
            run(redrive.with(progress.resumedBy(instance, Instant.now())));
        }
    }

    @Override
    public void cancelRequested(String id) {
        RedriveJob job = jobs.get(id);
        if (job != null) {
            job.cancel();
        }
    }

    /**
     * Two instances running one re-drive (its owner was silent past the takeover time, e.g. in a
     * broker outage, while another started): the one that took it up first keeps it, the other
     * stops, leaving the store to the first.
     */
    @Override
    public void savedElsewhere(Redrive redrive) {
        RedriveJob job = jobs.get(redrive.id());
        if (job == null || redrive.progress().state() != RedriveState.RUNNING) {
            return;
        }
        RedriveProgress mine = job.current().progress();
        RedriveProgress theirs = redrive.progress();
        int order = theirs.runStartedAt().compareTo(mine.runStartedAt());
        if (order < 0 || (order == 0 && String.valueOf(theirs.owner()).compareTo(instance) < 0)) {
            LOG.warning(() -> "Re-drive " + redrive.id() + " is run by " + theirs.owner() + " too, since before this "
                    + "instance took it up; leaving it to " + theirs.owner());
            job.yieldTo();
        }
    }

    private void run(Redrive redrive) {
        RedriveJob job = new RedriveJob(redrive, consumer(redrive.id()), sender::send, store::save,
                Duration.ofMillis(reportIntervalMs), brokerTimeoutMs);
        jobs.put(redrive.id(), job);
        Thread thread = new Thread(() -> {
            try {
                job.run();
            } finally {
                jobs.remove(redrive.id());
                threads.remove(redrive.id());
            }
        }, "ledger-redrive-" + redrive.id());
        // Like the store's follower: stop() ends both, and one that outlives it must not hold the JVM up.
        thread.setDaemon(true);
        threads.put(redrive.id(), thread);
        thread.start();
    }

    private KafkaConsumer<String, byte[]> consumer(String id) {
        // No group: a re-drive keeps its own positions in the store, and assigns the partitions itself.
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.CLIENT_ID_CONFIG, serviceName + "-redrive-" + id,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
    }

    private void requireLoaded() {
        if (store == null || !store.loaded()) {
            throw new RedriveRefusedException(503, "redrives-loading",
                    "ingest is still reading the re-drives topic " + redrivesTopic + "; ask again shortly");
        }
    }

    /** Waits for a write to the store, refusing the request as the broker's if it is not taken in time. */
    private void awaitBroker(CompletableFuture<?> write) {
        try {
            write.get(brokerTimeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw brokerUnavailable(e);
        } catch (Exception e) {
            throw brokerUnavailable(e);
        }
    }

    private static RedriveRefusedException brokerUnavailable(Exception cause) {
        return new RedriveRefusedException(503, "broker-unavailable", "the broker did not answer: " + cause);
    }

    /** Stops the jobs, each saving its progress as still running, before the store stops reading. */
    @PreDestroy
    void stop() {
        jobs.values().forEach(RedriveJob::stop);
        for (Thread thread : threads.values()) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (store != null) {
            try {
                store.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
