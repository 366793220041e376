package io.objectledger.support.kafka;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashMap;
import java.util.Map;

/**
 * The Kafka client settings the ledger's services share, so that every producer and consumer
 * behaves the same way: what makes them correct is fixed here, the timings and sizes are these
 * values ({@link KafkaClientSettings} reads them from the configuration).
 *
 * @param sessionTimeoutMs how long a silent consumer keeps its partitions: a killed member's
 *                         partitions move to the others after this, not after Kafka's default 45 s
 * @param fetchMinBytes    how much the broker gathers before it answers a fetch (or the fetch wait
 *                         passes): each batch costs a database commit and a broker request or two,
 *                         so larger batches are cheaper
 * @param batchSize        a producer batch: a consumer's batch goes out in a few requests, not one
 *                         per 16 KiB (Kafka's default)
 * @param adminTimeoutMs   how long an admin call (readiness, lag) may wait for the broker
 */
public record KafkaTuning(int sessionTimeoutMs, int heartbeatIntervalMs, int fetchMinBytes, int lingerMs,
                          int batchSize, int requestTimeoutMs, int deliveryTimeoutMs, int maxBlockMs,
                          int adminTimeoutMs) {

    public static final int DEFAULT_SESSION_TIMEOUT_MS = 10_000;
    public static final int DEFAULT_HEARTBEAT_INTERVAL_MS = 3_000;
    public static final int DEFAULT_FETCH_MIN_BYTES = 262_144;
    public static final int DEFAULT_LINGER_MS = 5;
    public static final int DEFAULT_BATCH_SIZE = 131_072;
    public static final int DEFAULT_REQUEST_TIMEOUT_MS = 15_000;
    public static final int DEFAULT_DELIVERY_TIMEOUT_MS = 30_000;
    public static final int DEFAULT_MAX_BLOCK_MS = 10_000;
    public static final int DEFAULT_ADMIN_TIMEOUT_MS = 3_000;

    public static final KafkaTuning DEFAULTS = new KafkaTuning(DEFAULT_SESSION_TIMEOUT_MS,
            DEFAULT_HEARTBEAT_INTERVAL_MS, DEFAULT_FETCH_MIN_BYTES, DEFAULT_LINGER_MS, DEFAULT_BATCH_SIZE,
            DEFAULT_REQUEST_TIMEOUT_MS, DEFAULT_DELIVERY_TIMEOUT_MS, DEFAULT_MAX_BLOCK_MS, DEFAULT_ADMIN_TIMEOUT_MS);

    /**
     * A producer whose acknowledgement means the record is on every in-sync replica, and whose
     * retries never duplicate or reorder a partition: callers answer RGW or commit offsets on it.
     */
    public Map<String, Object> durableProducer(String bootstrapServers, String clientId) {
        return client(bootstrapServers, clientId, Map.ofEntries(
                Map.entry(ProducerConfig.ACKS_CONFIG, "all"),
                Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                // A consumer's batch goes out in a few requests, not one per record or per 16 KiB.
                Map.entry(ProducerConfig.LINGER_MS_CONFIG, lingerMs),
                Map.entry(ProducerConfig.BATCH_SIZE_CONFIG, batchSize),
                // Bounded, so a caller learns of a broker outage in time to answer or retry.
                Map.entry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeoutMs),
                Map.entry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeoutMs),
                Map.entry(ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlockMs),
                Map.entry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()),
                Map.entry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName())));
    }

    /** A consumer of a batching loop, which commits offsets itself once the batch is durable. */
    public Map<String, Object> batchConsumer(String bootstrapServers, String group, String clientId, int maxBatch,
                                             int fetchWaitMs) {
        return client(bootstrapServers, clientId, Map.ofEntries(
                Map.entry(ConsumerConfig.GROUP_ID_CONFIG, group),
                // A static member: started again under the same name (group plus pod), it takes its
                // partitions back at once instead of waiting out the killed member's session.
                Map.entry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, clientId),
                Map.entry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, sessionTimeoutMs),
                Map.entry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, heartbeatIntervalMs),
                Map.entry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                Map.entry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                // The broker answers when fetchMinBytes are ready or fetchWaitMs have passed, not at
                // every record: at most that much more latency per stage when the stream is quiet.
                Map.entry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxBatch),
                Map.entry(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, fetchMinBytes),
                Map.entry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, fetchWaitMs),
                Map.entry(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()),
                Map.entry(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName())));
    }

    public Map<String, Object> admin(String bootstrapServers, String clientId) {
        return client(bootstrapServers, clientId, Map.of(
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, adminTimeoutMs,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, adminTimeoutMs));
    }

    private static Map<String, Object> client(String bootstrapServers, String clientId, Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>(settings);
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        return Map.copyOf(config);
    }
}
