package it.objectledger;

import io.objectledger.stack.StackSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stack's first start leaves what every later start, a restart after a crash included,
 * begins from: each JVM's class-data archive and each server's workarea from a clean stop. And
 * the query services are ready only once they have warmed up their query path.
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

    @Test
    public void theQueryServicesAnsweredTheirWarmUpBeforeTheyWereReady() {
        Ledger ledger = new Ledger();
        for (String service : List.of("catalog", "audit")) {
            Ledger.Answer ready = ledger.ready(service);
            assertThat(ready.status()).as(service + " ready").isEqualTo(200);
            JsonNode warmUp = check(ready.body(), "query-warm-up");
            assertThat(warmUp.path("status").asText()).as(service + "'s warm-up").isEqualTo("UP");
            assertThat(warmUp.path("data").has("failure")).as(service + "'s warm-up failed: " + warmUp).isFalse();
            // Every request was answered by the service itself: 400, or as many as the budget allowed
            assertThat(warmUp.path("data").path("answered").asInt()).as(service + "'s warm-up answers")
                    .isBetween(2, 400);
        }
        JsonNode ingestWarmUp = check(ledger.ready("ingest").body(), "query-warm-up");
        assertThat(ingestWarmUp.path("data").path("answered").asInt()).as("ingest has no query path to warm").isZero();
    }

    private static JsonNode check(JsonNode health, String name) {
        for (JsonNode check : health.path("checks")) {
            if (name.equals(check.path("name").asText())) {
                return check;
            }
        }
        throw new AssertionError("no check '" + name + "' in " + health);
    }
}
