package io.objectledger.audit.health;

import io.objectledger.audit.config.AuditStore;
import io.objectledger.support.health.DatabaseReadinessCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;

@Readiness
@ApplicationScoped
public class AuditDatabaseReadinessCheck extends DatabaseReadinessCheck {

    @Inject
    AuditStore store;

    @Override
    protected DataSource dataSource() {
        return store.dataSource();
    }
}
