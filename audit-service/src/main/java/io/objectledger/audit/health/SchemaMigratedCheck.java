package io.objectledger.audit.health;

import io.objectledger.audit.config.AuditStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

@Startup
@ApplicationScoped
public class SchemaMigratedCheck implements HealthCheck {

    @Inject
    AuditStore store;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("schema").status(store.isMigrated()).build();
    }
}
