package io.objectledger.support.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * DOWN only when one of the service's consumer loops has ended, which nothing but an
 * unexpected error does: then a restart is the cure. Failing batches (database or broker down)
 * keep it UP, because a restart would not help; readiness reports those. The data is keyed by
 * consumer group.
 */
@Liveness
@ApplicationScoped
public class ConsumerLoopLivenessCheck implements HealthCheck {

    @Inject
    ServiceConsumer consumer;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("kafka-consumer-loop");
        if (consumer.loops().isEmpty()) {
            return response.up().withData("consumer", "none started").build();
        }
        boolean running = true;
        for (ConsumerLoop loop : consumer.loops()) {
            String group = loop.settings().group() + ".";
            response.withData(group + "client", loop.settings().clientId())
                    .withData(group + "records", loop.recordsProcessed())
                    .withData(group + "lastPoll", loop.lastPoll().toString())
                    .withData(group + "running", loop.isRunning());
            if (loop.failingSince() != null) {
                response.withData(group + "failingSince", loop.failingSince().toString())
                        .withData(group + "lastFailure", loop.lastFailure());
            } else if (!loop.isRunning() && loop.lastFailure() != null) {
                response.withData(group + "lastFailure", loop.lastFailure());
            }
            running &= loop.isRunning();
        }
        return response.status(running).build();
    }
}
