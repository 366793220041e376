package io.objectledger.support.health;

import io.objectledger.support.db.MigratedStore;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Started once the service's schema is migrated. A service with a {@link MigratedStore} extends
 * it as a {@code @Startup} bean; it is not one itself, because services without a store share
 * this library.
 */
public abstract class SchemaMigratedCheck implements HealthCheck {

    @Inject
    MigratedStore store;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("schema").status(store.isMigrated()).build();
    }
}
