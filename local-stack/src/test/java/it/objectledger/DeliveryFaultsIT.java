package it.objectledger;

import com.fasterxml.jackson.databind.JsonNode;
import io.objectledger.stack.LocalStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

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
        for (String service : List.of("ingest", "lifecycle", "catalog", "audit")) {
            await().atMost(DEADLINE).until(() -> ledger.ready(service).status() == 200);
        }

        // What persistent RGW topics do with a 503: send the same notification again.
        await().atMost(DEADLINE).until(() -> ledger.push(notification).status() == 200);
        await().atMost(DEADLINE).until(() -> ledger.catalogObject(bucket, "docs/tagged.txt").status() == 200);

        // The refused push may still reach the broker from the producer's buffer, and the re-sent one
        // is a copy: a later change to the object travels behind every copy on the object's
        // partitions, so once the audit trail holds it, a put recorded twice would be there too.
        assertThat(ledger.push(deleteOf(bucket, "docs/tagged.txt")).status()).isEqualTo(200);
        assertThat(historyThroughDelete(bucket, "docs/tagged.txt")).extracting(entry -> entry.get("eventName").asText())
                .containsExactly("ObjectCreated:Put", "ObjectRemoved:Delete");
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
        assertThat(ledger.push(deleteOf(bucket, "filt/match.txt")).status()).isEqualTo(200);

        assertThat(historyThroughDelete(bucket, "filt/match.txt")).extracting(entry -> entry.get("eventName").asText())
                .containsExactly("ObjectCreated:Put", "ObjectRemoved:Delete");
        assertThat(ledger.metrics("lifecycle").body().asText())
                .containsPattern("ledger_lifecycle_changes_total\\{[^}]*outcome=\"duplicate\"[^}]*} [1-9]");
    }

    /** RGW's notification of the object's deletion (the captured delete, re-addressed). */
    private static byte[] deleteOf(String bucket, String key) {
        return new String(Ledger.fixtureInBucket("11-delete-object.json", bucket), StandardCharsets.UTF_8)
                .replace("docs/hello-copy.txt", key).getBytes(StandardCharsets.UTF_8);
    }

    /** The object's audit entries once its deletion is among them. */
    private JsonNode historyThroughDelete(String bucket, String key) {
        return await().atMost(DEADLINE).until(() -> ledger.auditHistory(bucket, key), answer -> answer.status() == 200
                && answer.body().get("entries").findValuesAsText("eventName").contains("ObjectRemoved:Delete"))
                .body().get("entries");
    }
}
