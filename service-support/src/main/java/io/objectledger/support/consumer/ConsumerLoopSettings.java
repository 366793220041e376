package io.objectledger.support.consumer;

import io.objectledger.support.kafka.KafkaTuning;

import java.util.List;
import java.util.Map;

/**
 * Where a service's consumer loop reads from and as whom. The client id is the group plus the
 * instance (pod) name, so an operator can tell the members of a group apart. {@code fetchWaitMs}:
 * how long the broker may hold a fetch for a fuller batch (latency per stage against CPU).
 */
public record ConsumerLoopSettings(String bootstrapServers, String group, String instance, List<String> topics,
                                   int maxBatch, int fetchWaitMs, KafkaTuning tuning, ConsumerPacing pacing) {

    public static final int DEFAULT_FETCH_WAIT_MS = 50;

    /** With the default client tuning and pacing. */
    public ConsumerLoopSettings(String bootstrapServers, String group, String instance, List<String> topics,
                                int maxBatch, int fetchWaitMs) {
        this(bootstrapServers, group, instance, topics, maxBatch, fetchWaitMs, KafkaTuning.DEFAULTS,
                ConsumerPacing.DEFAULTS);
    }

    public String clientId() {
        return group + "-" + instance;
    }

    Map<String, Object> consumerConfig() {
        return tuning.batchConsumer(bootstrapServers, group, clientId(), maxBatch, fetchWaitMs);
    }
}
