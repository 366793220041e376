package io.objectledger.support.db;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;

import javax.sql.DataSource;
import java.util.Map;

/**
 * The service's database, its schema migrated at start. A service extends it as an
 * {@code @ApplicationScoped} bean that produces its projection and queries over
 * {@link #dataSource()}; the migrations are looked up with that subclass's class loader.
 */
public abstract class MigratedStore {

    @Resource(lookup = "jdbc/ledger")
    DataSource dataSource;

    private volatile boolean migrated;

    protected void migrateWithApplication(@Observes Startup startup) {
        // Observing Startup creates this bean, and so migrates, before traffic arrives.
    }

    @PostConstruct
    protected void migrate() {
        SchemaMigration.migrate(migrationDataSource(), getClass(), migrationPlaceholders());
        migrated = true;
    }

    /** Whom the schema is migrated as: the service's own user unless a service keeps an owner apart. */
    protected DataSource migrationDataSource() {
        return dataSource;
    }

    /** Values for the {@code ${name}} placeholders of the service's scripts. */
    protected Map<String, String> migrationPlaceholders() {
        return Map.of();
    }

    public boolean isMigrated() {
        return migrated;
    }

    public DataSource dataSource() {
        return dataSource;
    }
}
