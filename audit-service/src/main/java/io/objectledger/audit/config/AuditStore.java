package io.objectledger.audit.config;

import io.objectledger.audit.query.AuditTrail;
import io.objectledger.support.db.SchemaMigration;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Produces;

import javax.sql.DataSource;

/** Migrates the audit schema at start and hands out the audit trail over it. */
@ApplicationScoped
public class AuditStore {

    @Resource(lookup = "jdbc/ledger")
    DataSource dataSource;

    private boolean migrated;

    void migrateWithApplication(@Observes Startup startup) {
        // Observing Startup creates this bean, and so migrates, before traffic arrives.
    }

    @PostConstruct
    void migrate() {
        SchemaMigration.migrate(dataSource, AuditStore.class);
        migrated = true;
    }

    public boolean isMigrated() {
        return migrated;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Produces
    AuditTrail trail() {
        return new AuditTrail(dataSource);
    }
}
