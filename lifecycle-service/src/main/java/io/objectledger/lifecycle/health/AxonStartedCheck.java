package io.objectledger.lifecycle.health;

import io.objectledger.lifecycle.config.AxonRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Started once the schema is migrated and Axon runs. */
@Startup
@ApplicationScoped
public class AxonStartedCheck implements HealthCheck {

    @Inject
    AxonRuntime axon;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("axon").status(axon.configuration() != null).build();
    }
}
