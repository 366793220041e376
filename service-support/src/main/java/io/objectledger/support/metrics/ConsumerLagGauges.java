package io.objectledger.support.metrics;

import io.objectledger.support.kafka.KafkaClientSettings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code ledger_kafka_consumer_lag{group}}: records not yet consumed by each of the service's
 * consumer groups, summed over partitions. Asked of the broker at most every few seconds; -1
 * while the broker does not answer.
 */
@ApplicationScoped
public class ConsumerLagGauges {

    private static final Duration CACHE_FOR = Duration.ofSeconds(5);
    private static final int TIMEOUT_MS = 3_000;

    @Inject
    KafkaClientSettings kafka;

    @Inject
    @ConfigProperty(name = "ledger.metrics.consumer-groups")
    List<String> groups;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    private Admin admin;
    private final Map<String, Measured> lastLag = new ConcurrentHashMap<>();

    private record Measured(long lag, Instant at) {
    }

    void register(@Observes Startup startup) {
        admin = kafka.admin("lag");
        for (String group : groups) {
            registry.gauge("ledger.kafka.consumer.lag", () -> lag(group), new Tag("group", group));
        }
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close();
        }
    }

    private long lag(String group) {
        Measured last = lastLag.get(group);
        if (last != null && last.at().plus(CACHE_FOR).isAfter(Instant.now())) {
            return last.lag();
        }
        long lag = measure(group);
        lastLag.put(group, new Measured(lag, Instant.now()));
        return lag;
    }

    private long measure(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(committed.keySet()
                            .stream().collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest())))
                    .all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            return committed.entrySet().stream()
                    .filter(entry -> entry.getValue() != null)
                    .mapToLong(entry -> Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset()))
                    .sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (Exception e) {
            return -1;
        }
    }
}
