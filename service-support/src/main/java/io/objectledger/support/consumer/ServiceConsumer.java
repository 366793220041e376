package io.objectledger.support.consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/**
 * Starts the service's consumer loop with the application, over the one {@link BatchHandler}
 * the service provides ({@code ledger.consumer.*} says which topics, which group, how big a
 * batch), and stops it with the application. A service without a handler consumes nothing.
 */
@ApplicationScoped
public class ServiceConsumer {

    @Inject
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    @ConfigProperty(name = "ledger.instance")
    String instance;

    @Inject
    @ConfigProperty(name = "ledger.consumer.group")
    Optional<String> group;

    @Inject
    @ConfigProperty(name = "ledger.consumer.topics")
    Optional<List<String>> topics;

    @Inject
    @ConfigProperty(name = "ledger.consumer.max-batch", defaultValue = "500")
    int maxBatch;

    @Inject
    Instance<BatchHandler> handler;

    private volatile ConsumerLoop loop;

    void startWithApplication(@Observes Startup startup) {
        if (handler.isUnsatisfied() || group.isEmpty() || topics.isEmpty()) {
            return;
        }
        loop = ConsumerLoop.start(new ConsumerLoopSettings(bootstrapServers, group.get(), instance, topics.get(),
                maxBatch), handler.get());
    }

    @PreDestroy
    void stop() {
        if (loop != null) {
            try {
                loop.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public Optional<ConsumerLoop> loop() {
        return Optional.ofNullable(loop);
    }
}
