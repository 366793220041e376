package io.objectledger.audit.config;

import io.objectledger.audit.query.AuditProjection;
import io.objectledger.audit.query.AuditQueries;
import io.objectledger.audit.query.TrailSearch;
import io.objectledger.audit.reads.TrailReadLog;
import io.objectledger.support.db.MigratedStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Migrates the audit schema at start and hands out the projection, the queries over it (per object and across objects) and the record of reads. */
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

    @Produces
    TrailSearch search() {
        return new TrailSearch(dataSource());
    }

    @Produces
    TrailReadLog reads() {
        return new TrailReadLog(dataSource());
    }
}
