package it.objectledger;

import com.fasterxml.jackson.databind.JsonNode;
import io.objectledger.stack.LocalStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Broker outages and restarts: nothing acknowledged that is not stored, nothing recorded twice. */
@ExtendWith(LocalStackExtension.class)
public class DeliveryFaultsIT {

    // Consumers rejoin their groups after a broker restart; on a loaded 2-core machine that takes a while.
    private static final Duration DEADLINE = Duration.ofSeconds(180);

    private final Ledger ledger = new Ledger();

    @Test
    public void pushIsAnswered503WhileTheBrokerIsDownAndAcceptedOnceItIsBack() throws Exception {
        LocalStack stack = LocalStackExtension.stack();
        String bucket = Ledger.freshBucket("outage");
        byte[] notification = Ledger.fixtureInBucket("02-put-with-tags.json", bucket);

        // SIGKILL, not a clean stop: consumers must come back from a crashed broker too.
        stack.killKafka();
        try {
            await().atMost(DEADLINE).until(() -> ledger.ready("ingest").status() == 503);
            Ledger.Answer duringOutage = ledger.push(notification);
            assertThat(duringOutage.status()).isEqualTo(503);
            assertThat(duringOutage.body().get("error").asText()).isEqualTo("broker-unavailable");
        } finally {
            stack.startKafka();
        }
        for (String service : java.util.List.of("ingest", "lifecycle", "catalog", "audit")) {
            await().atMost(DEADLINE).until(() -> ledger.ready(service).status() == 200);
        }

        // What persistent RGW topics do with a 503: send the same notification again.
        await().atMost(DEADLINE).until(() -> ledger.push(notification).status() == 200);

        JsonNode history = await().atMost(DEADLINE).until(() -> ledger.auditHistory(bucket, "docs/tagged.txt"),
                answer -> answer.status() == 200).body().get("entries");
        assertThat(history).hasSize(1);
        await().atMost(DEADLINE).until(() -> ledger.catalogObject(bucket, "docs/tagged.txt").status() == 200);
    }

    @Test
    public void duplicateArrivingAfterAnIngestRestartIsRecordedOnce() throws Exception {
        String bucket = Ledger.freshBucket("restart-dup");
        assertThat(ledger.push(Ledger.fixtureInBucket("31-filtered-prefix-suffix.json", bucket)).status()).isEqualTo(200);
        await().atMost(DEADLINE).until(() -> ledger.auditHistory(bucket, "filt/match.txt").status() == 200);

        LocalStackExtension.stack().restart("ingest", true);

        assertThat(ledger.push(Ledger.fixtureInBucket("31-filtered-prefix-suffix.json", bucket)).status()).isEqualTo(200);
        assertThat(ledger.push(Ledger.fixtureInBucket("32-filtered-prefix-suffix.json", bucket)).status()).isEqualTo(200);
        // A later change to the same object: once it is recorded, the duplicates before it were processed.
        byte[] delete = new String(Ledger.fixtureInBucket("11-delete-object.json", bucket), StandardCharsets.UTF_8)
                .replace("docs/hello-copy.txt", "filt/match.txt").getBytes(StandardCharsets.UTF_8);
        assertThat(ledger.push(delete).status()).isEqualTo(200);

        JsonNode history = await().atMost(DEADLINE).until(() -> ledger.auditHistory(bucket, "filt/match.txt"),
                answer -> answer.status() == 200 && answer.body().get("entries").size() >= 2).body().get("entries");
        assertThat(history).extracting(entry -> entry.get("eventName").asText())
                .containsExactly("ObjectCreated:Put", "ObjectRemoved:Delete");
        assertThat(ledger.metrics("lifecycle").body().asText())
                .containsPattern("ledger_lifecycle_changes_total\\{[^}]*outcome=\"duplicate\"[^}]*} [1-9]");
    }
}
