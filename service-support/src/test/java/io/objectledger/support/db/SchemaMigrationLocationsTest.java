package io.objectledger.support.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which of a service's migration folders Flyway is given, found through their marker files. */
class SchemaMigrationLocationsTest {

    @TempDir
    Path root;

    @Test
    void scriptsCommonToEveryDatabaseAndAVendorsOwnAreBothGiven() throws IOException {
        marker("common");
        marker("postgresql");
        marker("h2");

        assertThat(SchemaMigration.locations(loader(), "postgresql"))
                .containsExactly("classpath:db/migration/common", "classpath:db/migration/postgresql");
    }

    @Test
    void aServiceWithOnlyCommonScriptsGetsNoVendorLocation() throws IOException {
        marker("common");

        assertThat(SchemaMigration.locations(loader(), "h2")).containsExactly("classpath:db/migration/common");
    }

    @Test
    void aServiceWithOnlyVendorScriptsGetsNoCommonLocation() throws IOException {
        marker("h2");
        marker("postgresql");

        assertThat(SchemaMigration.locations(loader(), "h2")).containsExactly("classpath:db/migration/h2");
    }

    @Test
    void aServiceWithoutMigrationsForTheDatabaseIsTold() throws IOException {
        marker("postgresql");

        assertThatThrownBy(() -> SchemaMigration.locations(loader(), "h2"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("db/migration/h2/flyway.location");
    }

    private void marker(String folder) throws IOException {
        Path dir = Files.createDirectories(root.resolve("db/migration").resolve(folder));
        Files.createFile(dir.resolve("flyway.location"));
    }

    private ClassLoader loader() throws IOException {
        return new URLClassLoader(new URL[]{root.toUri().toURL()}, null);
    }
}
