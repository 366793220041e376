package io.objectledger.audit.health;

import io.objectledger.support.health.DatabaseReadinessCheck;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Readiness;

@Readiness
@ApplicationScoped
public class AuditDatabaseReadinessCheck extends DatabaseReadinessCheck {
}
