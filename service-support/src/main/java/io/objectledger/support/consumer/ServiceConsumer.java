package io.objectledger.support.consumer;

import io.objectledger.support.kafka.KafkaClientSettings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Starts a consumer loop with the application for each {@link BatchHandler} the service
 * provides ({@code ledger.<name>.*} says which topics, which group, how big a batch), and stops
 * them with the application. A handler whose group or topics are not configured consumes nothing.
 * The fetch wait and the {@link ConsumerPacing} ({@code ledger.consumer.*-ms}) apply to every loop
 * of the service.
 */
@ApplicationScoped
public class ServiceConsumer {

    @Inject
    KafkaClientSettings kafka;

    @Inject
    @ConfigProperty(name = "ledger.instance")
    String instance;

    @Inject
    Config config;

    /** How long the broker may hold a fetch for a fuller batch; every consumer of the service. */
    @Inject
    @ConfigProperty(name = "ledger.consumer.fetch-wait-ms", defaultValue = "" + ConsumerLoopSettings.DEFAULT_FETCH_WAIT_MS)
    int fetchWaitMs;

    @Inject
    @ConfigProperty(name = "ledger.consumer.poll-timeout-ms", defaultValue = "" + ConsumerPacing.DEFAULT_POLL_TIMEOUT_MS)
    long pollTimeoutMs;

    @Inject
    @ConfigProperty(name = "ledger.consumer.first-backoff-ms", defaultValue = "" + ConsumerPacing.DEFAULT_FIRST_BACKOFF_MS)
    long firstBackoffMs;

    @Inject
    @ConfigProperty(name = "ledger.consumer.max-backoff-ms", defaultValue = "" + ConsumerPacing.DEFAULT_MAX_BACKOFF_MS)
    long maxBackoffMs;

    @Inject
    @ConfigProperty(name = "ledger.consumer.commit-interval-ms",
            defaultValue = "" + ConsumerPacing.DEFAULT_COMMIT_INTERVAL_MS)
    long commitIntervalMs;

    @Inject
    Instance<BatchHandler> handlers;

    private final List<ConsumerLoop> loops = new CopyOnWriteArrayList<>();

    void startWithApplication(@Observes Startup startup) {
        for (BatchHandler handler : handlers) {
            settingsFor(handler.consumerName()).ifPresent(settings -> loops.add(ConsumerLoop.start(settings, handler)));
        }
    }

    private Optional<ConsumerLoopSettings> settingsFor(String name) {
        String prefix = "ledger." + name + ".";
        Optional<String> group = config.getOptionalValue(prefix + "group", String.class);
        Optional<List<String>> topics = config.getOptionalValues(prefix + "topics", String.class);
        if (group.isEmpty() || topics.isEmpty()) {
            return Optional.empty();
        }
        int maxBatch = config.getOptionalValue(prefix + "max-batch", Integer.class).orElse(500);
        return Optional.of(new ConsumerLoopSettings(kafka.bootstrapServers(), group.get(), instance, topics.get(),
                maxBatch, fetchWaitMs, kafka.tuning(),
                ConsumerPacing.ofMillis(pollTimeoutMs, firstBackoffMs, maxBackoffMs, commitIntervalMs)));
    }

    @PreDestroy
    void stop() {
        for (ConsumerLoop loop : loops) {
            try {
                loop.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public List<ConsumerLoop> loops() {
        return List.copyOf(loops);
    }
}
