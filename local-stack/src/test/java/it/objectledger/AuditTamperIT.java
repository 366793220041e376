package it.objectledger;

import com.fasterxml.jackson.databind.JsonNode;
import io.objectledger.stack.StackSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a caller of the running catalog and audit services sees of tenants and of the hash that
 * covers who acted: a tenant's bucket named {@code t1%3Abucket} in the path reaches the queries as
 * {@code t1:bucket}, and an entry recorded through the whole stack is hashed over who acted and
 * verifies. The database-level edits an auditor must catch are tested on a real database in
 * audit-service ({@code AuditHashChainTest}), where the test can reach the table.
 */
@ExtendWith(LocalStackExtension.class)
public class AuditTamperIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    private static Ledger ledger;
    private static StackSettings settings;

    @BeforeAll
    static void connect() {
        ledger = new Ledger();
        settings = LocalStackExtension.settings();
    }

    @Test
    public void tenantsBucketWithAnEncodedColonInThePathIsQueriedAsTenantColonBucket() {
        String bucket = Ledger.freshBucket("tenant");
        String path = "t1%3A" + bucket;

        Ledger.Answer listing = ledger.get(settings.baseUrl("catalog") + "/api/catalog/" + path, "catalog-reader");
        Ledger.Answer object = ledger.catalogObject(path, "absent.txt");
        Ledger.Answer history = ledger.auditHistory(path, "absent.txt");
        Ledger.Answer verification = ledger.auditVerification(path, "absent.txt");

        assertThat(listing.status()).isEqualTo(200);
        assertThat(listing.body().get("bucket").asText()).isEqualTo("t1:" + bucket);
        assertThat(listing.body().get("objects").size()).isZero();
        for (Ledger.Answer missing : new Ledger.Answer[] {object, history, verification}) {
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.body().get("error").asText()).isEqualTo("not-found");
            assertThat(missing.body().get("message").asText()).contains("t1:" + bucket + "/absent.txt");
        }
    }

    @Test
    public void entryRecordedThroughTheStackIsHashedOverWhoActedAndVerifies() {
        String bucket = Ledger.freshBucket("actors");
        assertThat(ledger.push(putInBucket(bucket)).status()).isEqualTo(200);

        JsonNode entries = await().atMost(DEADLINE)
                .until(() -> ledger.auditHistory(bucket, "docs/hello.txt"), answer -> answer.status() == 200)
                .body().get("entries");

        JsonNode entry = entries.get(0);
        assertThat(entry.get("eventName").asText()).isEqualTo("ObjectCreated:Put");
        assertThat(entry.get("principalId").asText()).isEqualTo("lab");
        assertThat(entry.get("hashFormat").asInt()).isEqualTo(2);
        assertThat(entry.has("ownerId")).isTrue();
        assertThat(entry.has("sourceIp")).isTrue();
        assertThat(entry.has("gatewayId")).isTrue();
        JsonNode verification = ledger.auditVerification(bucket, "docs/hello.txt").body();
        assertThat(verification.get("intact").asBoolean()).isTrue();
        assertThat(verification.get("entries").asInt()).isPositive();
        assertThat(verification.hasNonNull("firstBrokenEventId")).isFalse();
    }

    /** The captured put moved into {@code bucket}, its ARN too: the bucket is read from the ARN first. */
    private static byte[] putInBucket(String bucket) {
        String body = new String(Ledger.fixtureInBucket("01-put-with-metadata.json", bucket), StandardCharsets.UTF_8);
        return body.replace("arn:aws:s3:::lab-bucket", "arn:aws:s3:::" + bucket).getBytes(StandardCharsets.UTF_8);
    }
}
