package io.objectledger.support.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Brings a service's schema up to date with Flyway. Scripts live in
 * {@code db/migration/<vendor>} ({@code h2}, {@code postgresql}) inside the service.
 */
public final class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    private SchemaMigration() {
    }

    public static void migrate(DataSource dataSource, Class<?> serviceClass) {
        String location = "classpath:db/migration/" + vendor(dataSource);
        // Liberty's class loader needs the flyway.location marker file in each location, and the
        // vendor resolved here: Flyway's own {vendor} placeholder is not resolved by its scanner.
        Flyway flyway = Flyway.configure(serviceClass.getClassLoader())
                .dataSource(dataSource)
                .locations(location)
                .callbackLocations(location)
                .load();
        MigrateResult result = flyway.migrate();
        // targetSchemaVersion is null when nothing was applied; the history knows the version.
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion
                : String.valueOf(flyway.info().current() == null ? "empty" : flyway.info().current().getVersion());
        LOG.info(() -> "Database schema at version " + version + " from " + location
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }

    private static String vendor(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to migrate its schema: " + e.getMessage(), e);
        }
    }
}
