package io.objectledger.catalog.health;

import io.objectledger.catalog.config.CatalogStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

@Startup
@ApplicationScoped
public class SchemaMigratedCheck implements HealthCheck {

    @Inject
    CatalogStore store;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("schema").status(store.isMigrated()).build();
    }
}
