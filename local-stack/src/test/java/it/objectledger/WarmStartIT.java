package it.objectledger;

import io.objectledger.stack.StackSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stack's first start leaves what every later start, a restart after a crash included,
 * begins from: each JVM's class-data archive and each server's workarea from a clean stop.
 */
@ExtendWith(LocalStackExtension.class)
public class WarmStartIT {

    @Test
    public void everyServiceHasAClassDataArchiveAndACleanWorkarea() throws Exception {
        StackSettings settings = LocalStackExtension.settings();
        for (String service : StackSettings.SERVICES) {
            Path archive = settings.libertyServers().resolveSibling("class-data").resolve(service + ".jsa");
            assertThat(archive).as(service + "'s class-data archive").isRegularFile();
            // Thousands of classes (Liberty's, the application's), not an empty or truncated file
            assertThat(Files.size(archive)).as(service + "'s archive size").isGreaterThan(10L << 20);
            Path cleanWorkarea = settings.work().resolve("liberty").resolve(service).resolve("workarea.clean");
            assertThat(cleanWorkarea.resolve("platform")).as(service + "'s clean workarea").isDirectory();
        }
    }
}
