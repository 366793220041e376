package io.objectledger.support.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * The JVM answers HTTP, which is all liveness should claim: a broker or database outage is a
 * readiness matter, and restarting the pod would not cure it.
 */
@Liveness
@ApplicationScoped
public class AliveCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up("alive");
    }
}
