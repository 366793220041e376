package io.objectledger.catalog.config;

import io.objectledger.catalog.query.CatalogProjection;
import io.objectledger.catalog.query.CatalogQueries;
import io.objectledger.support.db.SchemaMigration;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Produces;

import javax.sql.DataSource;

/** Migrates the catalog schema at start and hands out the projection and the queries over it. */
@ApplicationScoped
public class CatalogStore {

    @Resource(lookup = "jdbc/ledger")
    DataSource dataSource;

    private boolean migrated;

    void migrateWithApplication(@Observes Startup startup) {
        // Observing Startup creates this bean, and so migrates, before traffic arrives.
    }

    @PostConstruct
    void migrate() {
        SchemaMigration.migrate(dataSource, CatalogStore.class);
        migrated = true;
    }

    public boolean isMigrated() {
        return migrated;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Produces
    CatalogProjection projection() {
        return new CatalogProjection();
    }

    @Produces
    CatalogQueries queries() {
        return new CatalogQueries(dataSource);
    }
}
