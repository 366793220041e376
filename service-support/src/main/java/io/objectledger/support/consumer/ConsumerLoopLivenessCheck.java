package io.objectledger.support.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * DOWN only when the consumer loop has ended, which nothing but an unexpected error does: then
 * a restart is the cure. Failing batches (database or broker down) keep it UP, because a
 * restart would not help; readiness reports those.
 */
@Liveness
@ApplicationScoped
public class ConsumerLoopLivenessCheck implements HealthCheck {

    @Inject
    ServiceConsumer consumer;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("kafka-consumer-loop");
        if (consumer.loop().isEmpty()) {
            return response.up().withData("consumer", "none started").build();
        }
        ConsumerLoop loop = consumer.loop().get();
        response.withData("group", loop.settings().group())
                .withData("client", loop.settings().clientId())
                .withData("records", loop.recordsProcessed())
                .withData("lastPoll", loop.lastPoll().toString());
        if (loop.failingSince() != null) {
            response.withData("failingSince", loop.failingSince().toString())
                    .withData("lastFailure", loop.lastFailure());
        }
        return response.status(loop.isRunning()).build();
    }
}
