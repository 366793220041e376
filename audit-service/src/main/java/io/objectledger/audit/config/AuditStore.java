package io.objectledger.audit.config;

import io.objectledger.audit.query.AuditProjection;
import io.objectledger.audit.query.AuditQueries;
import io.objectledger.support.db.MigratedStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Migrates the audit schema at start and hands out the projection and the queries over it. */
@ApplicationScoped
public class AuditStore extends MigratedStore {

    @Produces
    AuditProjection projection() {
        return new AuditProjection();
    }

    @Produces
    AuditQueries queries() {
        return new AuditQueries(dataSource());
    }
}
