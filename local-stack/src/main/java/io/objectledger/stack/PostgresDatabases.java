package io.objectledger.stack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One database per service on the PostgreSQL server, created if missing (dropped first when
 * fresh), and the user audit-service writes as, whose grants its migrations set.
 */
final class PostgresDatabases {

    private PostgresDatabases() {
    }

    static void prepare(StackSettings settings) throws SQLException {
        try (Connection admin = DriverManager.getConnection(settings.postgresUrl() + "postgres", settings.postgresUser(), "");
             Statement sql = admin.createStatement()) {
            for (String service : StackSettings.SERVICES) {
                if (service.equals("ingest")) {
                    continue; // ingest keeps no state of its own
                }
                String database = settings.databaseName(service);
                if (settings.fresh()) {
                    sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                }
                try (ResultSet existing = sql.executeQuery(
                        "SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                    if (!existing.next()) {
                        sql.execute("CREATE DATABASE " + database);
                    }
                }
            }
            createLoginRole(sql, settings.auditWriter());
        }
    }

    private static void createLoginRole(Statement sql, String role) throws SQLException {
        try (ResultSet existing = sql.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
            if (!existing.next()) {
                sql.execute("CREATE ROLE " + role + " LOGIN");
            }
        }
    }
}
