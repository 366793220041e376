package io.objectledger.support.kafka;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Map;

/** Client settings the ledger's services share, so that every producer and consumer behaves the same way. */
public final class KafkaClientSettings {

    private KafkaClientSettings() {
    }

    /**
     * A producer whose acknowledgement means the record is on every in-sync replica, and whose
     * retries never duplicate or reorder a partition: callers answer RGW or commit offsets on it.
     */
    public static Map<String, Object> durableProducer(String bootstrapServers, String clientId) {
        return Map.ofEntries(
                Map.entry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                Map.entry(ProducerConfig.CLIENT_ID_CONFIG, clientId),
                Map.entry(ProducerConfig.ACKS_CONFIG, "all"),
                Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                Map.entry(ProducerConfig.LINGER_MS_CONFIG, 5),
                // A consumer's batch goes out in a few requests, not one per 16 KiB (the default).
                Map.entry(ProducerConfig.BATCH_SIZE_CONFIG, 131_072),
                Map.entry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000),
                Map.entry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000),
                Map.entry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000),
                Map.entry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()),
                Map.entry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
    }

    /**
     * A consumer of a batching loop: the loop commits offsets itself, after the batch is durable,
     * and a killed member's partitions move to the others after 10 s, not the default 45 s. The
     * member is static ({@code group.instance.id}: the client id, group plus pod name): a process
     * started again under the same name takes its partitions back at once, instead of waiting out
     * the killed member's session (10 s with no record processed, BENCHMARKS.md fault run 18). The
     * broker answers a fetch when 256 KiB are ready or {@code fetchWaitMs} (50 by default) have
     * passed, instead of at every record: each batch costs a database commit and a broker request
     * or two, so larger batches are cheaper (at 64 KiB / 20 ms the broker took 19 % more CPU;
     * BENCHMARKS.md, run Q), for at most that much more latency per stage when the stream is quiet.
     */
    public static Map<String, Object> batchConsumer(String bootstrapServers, String group, String clientId,
                                                    int maxBatch, int fetchWaitMs) {
        return Map.ofEntries(
                Map.entry(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                Map.entry(ConsumerConfig.GROUP_ID_CONFIG, group),
                Map.entry(ConsumerConfig.CLIENT_ID_CONFIG, clientId),
                Map.entry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, clientId),
                Map.entry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                Map.entry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                Map.entry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxBatch),
                Map.entry(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 262_144),
                Map.entry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, fetchWaitMs),
                Map.entry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000),
                Map.entry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000),
                Map.entry(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()),
                Map.entry(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
    }

    public static Map<String, Object> admin(String bootstrapServers, String clientId) {
        return Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, clientId,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
    }
}
