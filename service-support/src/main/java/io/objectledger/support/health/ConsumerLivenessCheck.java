package io.objectledger.support.health;

import io.objectledger.support.kafka.KafkaClientSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * DOWN when one of this service's reactive-messaging consumers ({@code
 * ledger.health.reactive-consumer-groups}; the high-volume consumers run their own loop, which
 * {@code ConsumerLoopLivenessCheck} watches) has been missing from its group for longer than a
 * rebalance takes. Liberty's Kafka connector ends a channel for good when an offset
 * commit meets a broker crash (a WakeupException from the commit); the service then looks alive
 * but consumes nothing. Only a restart cures that, which is what liveness is for. While the
 * broker itself does not answer, this check stays UP: a restart would not help, readiness says it.
 */
@Liveness
@ApplicationScoped
public class ConsumerLivenessCheck implements HealthCheck {

    private static final int TIMEOUT_MS = 3_000;

    @Inject
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    @ConfigProperty(name = "ledger.service.name")
    String serviceName;

    @Inject
    @ConfigProperty(name = "ledger.instance")
    String instance;

    @Inject
    @ConfigProperty(name = "ledger.health.reactive-consumer-groups")
    Optional<List<String>> watchedGroups;

    @Inject
    @ConfigProperty(name = "ledger.health.consumer-missing-seconds", defaultValue = "60")
    long missingSeconds;

    private Admin admin;
    private final Instant started = Instant.now();
    private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();

    private List<String> groups = List.of();

    @PostConstruct
    void connect() {
        groups = watchedGroups.orElse(List.of());
        if (!groups.isEmpty()) {
            admin = Admin.create(KafkaClientSettings.admin(bootstrapServers, serviceName + "-liveness"));
        }
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close();
        }
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("kafka-consumers");
        if (groups.isEmpty()) {
            return response.up().build();
        }
        Map<String, ConsumerGroupDescription> descriptions;
        try {
            descriptions = admin.describeConsumerGroups(groups).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.up().withData("unknown", "interrupted").build();
        } catch (Exception brokerUnreachable) {
            return response.up().withData("unknown", "the broker does not answer; see readiness").build();
        }
        boolean alive = true;
        Instant now = Instant.now();
        for (String group : groups) {
            String clientId = group + "-" + instance;
            boolean member = descriptions.get(group).members().stream().anyMatch(m -> m.clientId().equals(clientId));
            if (member) {
                lastSeen.put(group, now);
            }
            Instant since = lastSeen.getOrDefault(group, started);
            boolean missingTooLong = !member && Duration.between(since, now).toSeconds() > missingSeconds;
            response.withData(group, member ? "consuming" : missingTooLong
                    ? "stopped: not in its group since " + since + "; restart the service" : "rejoining");
            alive &= !missingTooLong;
        }
        return response.status(alive).build();
    }
}
