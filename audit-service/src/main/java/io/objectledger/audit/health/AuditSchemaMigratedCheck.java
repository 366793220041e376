package io.objectledger.audit.health;

import io.objectledger.support.health.SchemaMigratedCheck;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Startup;

@Startup
@ApplicationScoped
public class AuditSchemaMigratedCheck extends SchemaMigratedCheck {
}
