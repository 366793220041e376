package io.objectledger.support.consumer;

import io.objectledger.support.kafka.KafkaClientSettings;

import java.util.List;
import java.util.Map;

/**
 * Where a service's consumer loop reads from and as whom. The client id is the group plus the
 * instance (pod) name, so an operator can tell the members of a group apart. {@code fetchWaitMs}:
 * how long the broker may hold a fetch for a fuller batch (latency per stage against CPU).
 */
public record ConsumerLoopSettings(String bootstrapServers, String group, String instance, List<String> topics,
                                   int maxBatch, int fetchWaitMs) {

    public static final int DEFAULT_FETCH_WAIT_MS = 50;

    public String clientId() {
        return group + "-" + instance;
    }

    Map<String, Object> consumerConfig() {
        return KafkaClientSettings.batchConsumer(bootstrapServers, group, clientId(), maxBatch, fetchWaitMs);
    }
}
