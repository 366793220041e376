package io.objectledger.ingest.redrive;

import io.objectledger.support.kafka.KafkaClientSettings;
import io.objectledger.support.kafka.KafkaRecordSender;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every re-drive's definition and progress on a compacted topic, keyed by its id, so they outlive
 * the process: read from the start when ingest starts, then followed, so that every replica knows
 * every re-drive and sees a cancellation asked of another replica ({@code <id>/cancel} keys).
 */
final class RedriveStore implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RedriveStore.class.getName());
    private static final String CANCEL_SUFFIX = "/cancel";

    /** What the store tells the service as it reads. */
    interface Listener {
        /** Everything written before the store started has been read. */
        void loaded(Collection<Redrive> redrives);

        void cancelRequested(String id);

        /** Another instance saved the progress of a running re-drive. */
        void savedElsewhere(Redrive redrive);
    }

    private final String topic;
    private final String ownerId;
    private final KafkaClientSettings kafka;
    private final KafkaRecordSender sender;
    private final RedriveCodec codec = new RedriveCodec();
    private final Map<String, Redrive> known = new ConcurrentHashMap<>();
    private final Map<String, Boolean> cancelRequests = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread follower;
    private volatile boolean running = true;
    private volatile boolean loaded;

    RedriveStore(String topic, String ownerId, String clientId, KafkaClientSettings kafka, KafkaRecordSender sender,
                 Listener listener) {
        this.topic = topic;
        this.ownerId = ownerId;
        this.kafka = kafka;
        this.sender = sender;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
        this.follower = new Thread(() -> follow(listener), "ledger-redrive-store");
        this.follower.setDaemon(true);
    }

    void start() {
        follower.start();
    }

    boolean loaded() {
        return loaded;
    }

    Optional<Redrive> find(String id) {
        return Optional.ofNullable(known.get(id));
    }

    Collection<Redrive> all() {
        return List.copyOf(known.values());
    }

    boolean cancelRequested(String id) {
        return cancelRequests.containsKey(id);
    }

    CompletableFuture<Void> save(Redrive redrive) {
        known.put(redrive.id(), redrive);
        return sender.send(new ProducerRecord<>(topic, redrive.id(), codec.encode(redrive))).thenApply(sent -> null);
    }

    CompletableFuture<Void> requestCancel(String id) {
        cancelRequests.put(id, true);
        return sender.send(new ProducerRecord<>(topic, id + CANCEL_SUFFIX, "{}".getBytes(StandardCharsets.UTF_8)))
                .thenApply(sent -> null);
    }

    private void follow(Listener listener) {
        try {
            Map<TopicPartition, Long> ends = assignFromStart();
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    read(record, listener);
                }
                if (!loaded && ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue())) {
                    loaded = true;
                    LOG.info(() -> "Read " + known.size() + " re-drives from " + topic);
                    try {
                        listener.loaded(List.copyOf(known.values()));
                    } catch (RuntimeException e) {
                        LOG.log(Level.SEVERE, "Could not resume the re-drives read from " + topic, e);
                    }
                }
            }
        } catch (WakeupException closing) {
            // close() ends the loop.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "The re-drives store stopped reading " + topic
                    + "; re-drives cannot be started or resumed until ingest restarts", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void read(ConsumerRecord<String, byte[]> record, Listener listener) {
        String key = record.key();
        if (key == null || record.value() == null) {
            return;
        }
        if (key.endsWith(CANCEL_SUFFIX)) {
            String id = key.substring(0, key.length() - CANCEL_SUFFIX.length());
            cancelRequests.put(id, true);
            listener.cancelRequested(id);
            return;
        }
        try {
            Redrive redrive = codec.decode(record.value());
            if (loaded && !ownerId.equals(redrive.progress().owner())) {
                listener.savedElsewhere(redrive);
            }
            // A running job's own progress is newer than what it wrote a moment ago.
            known.merge(key, redrive, (mine, stored) -> stored.progress().updatedAt().isBefore(mine.progress().updatedAt())
                    ? mine : stored);
        } catch (RuntimeException unreadable) {
            LOG.warning(() -> "Skipping an unreadable record " + key + " on " + topic + ": " + unreadable.getMessage());
        }
    }

    /**
     * Assigns the topic's partitions from their start and answers their end offsets, creating the
     * topic (compacted, one partition) if it does not exist; waits out a broker that does not answer.
     */
    private Map<TopicPartition, Long> assignFromStart() throws InterruptedException {
        long pauseMs = 500;
        while (running) {
            try {
                List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                if (partitions != null && !partitions.isEmpty()) {
                    List<TopicPartition> assigned = partitions.stream()
                            .map(p -> new TopicPartition(topic, p.partition())).toList();
                    consumer.assign(assigned);
                    consumer.seekToBeginning(assigned);
                    return consumer.endOffsets(assigned, Duration.ofSeconds(10));
                }
                create();
            } catch (TimeoutException notAnswering) {
                LOG.warning(() -> "The broker does not answer for the re-drives topic " + topic + "; trying again");
            }
            Thread.sleep(pauseMs);
            pauseMs = Math.min(pauseMs * 2, 10_000);
        }
        throw new WakeupException();
    }

    private void create() {
        try (Admin admin = kafka.admin("redrives")) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all().get(10, TimeUnit.SECONDS);
            LOG.info(() -> "Created the compacted topic " + topic + " for re-drives");
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                LOG.warning(() -> "Cannot create the re-drives topic " + topic + " (create it, compacted): " + e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warning(() -> "Cannot create the re-drives topic " + topic + " (create it, compacted): " + e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        follower.join(10_000);
    }
}
