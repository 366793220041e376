package io.objectledger.lifecycle.health;

import io.objectledger.lifecycle.config.AxonRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while a tracking processor is stopped or stuck in error (e.g. it cannot publish). */
@Readiness
@ApplicationScoped
public class EventProcessorReadinessCheck implements HealthCheck {

    @Inject
    AxonRuntime axon;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("event-processors");
        boolean healthy = true;
        for (var processor : axon.configuration().eventProcessingConfiguration().eventProcessors().values()) {
            if (processor instanceof TrackingEventProcessor tracking) {
                boolean ok = tracking.isRunning() && !tracking.isError();
                response.withData(tracking.getName(), ok ? "running" : tracking.isError() ? "error" : "stopped");
                healthy &= ok;
            }
        }
        return response.status(healthy).build();
    }
}
