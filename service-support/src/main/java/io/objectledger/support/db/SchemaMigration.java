package io.objectledger.support.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Brings a service's schema up to date with Flyway. Scripts live inside the service in
 * {@code db/migration/common} when their SQL suits every database, and in
 * {@code db/migration/<vendor>} ({@code h2}, {@code postgresql}) when it does not; a version
 * appears in only one of them.
 */
public final class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());
    private static final String ROOT = "db/migration/";
    // Liberty's class loader finds a folder only through a resource in it, hence this empty file in each location.
    private static final String MARKER = "flyway.location";

    private SchemaMigration() {
    }

    public static void migrate(DataSource dataSource, Class<?> serviceClass) {
        migrate(dataSource, serviceClass, Map.of());
    }

    /** Migrates with Flyway placeholders ({@code ${name}} in the scripts) set to these values. */
    public static void migrate(DataSource dataSource, Class<?> serviceClass, Map<String, String> placeholders) {
        ClassLoader classLoader = serviceClass.getClassLoader();
        String[] locations = locations(classLoader, vendor(dataSource));
        Flyway flyway = Flyway.configure(classLoader)
                .dataSource(dataSource)
                .locations(locations)
                .callbackLocations(locations)
                .placeholders(placeholders)
                .load();
        MigrateResult result = flyway.migrate();
        // targetSchemaVersion is null when nothing was applied; the history knows the version.
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion
                : String.valueOf(flyway.info().current() == null ? "empty" : flyway.info().current().getVersion());
        LOG.info(() -> "Database schema at version " + version + " from " + List.of(locations)
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }

    /**
     * The locations this service has; the vendor is named here because Flyway's scanner does not
     * resolve its {@code {vendor}} placeholder under Liberty.
     */
    static String[] locations(ClassLoader classLoader, String vendor) {
        String[] locations = Stream.of("common", vendor)
                .filter(folder -> classLoader.getResource(ROOT + folder + "/" + MARKER) != null)
                .map(folder -> "classpath:" + ROOT + folder)
                .toArray(String[]::new);
        if (locations.length == 0) {
            throw new IllegalStateException("No " + ROOT + "common/" + MARKER + " nor " + ROOT + vendor + "/" + MARKER
                    + " on the class path: the service has no migrations for " + vendor);
        }
        return locations;
    }

    private static String vendor(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        } catch (SQLException e) {
            throw new StoreUnavailableException("Cannot reach the database to migrate its schema: " + e.getMessage(), e);
        }
    }
}
