package it.objectledger;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.GetObjectRetentionResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.TopicConfiguration;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The policies of src/test/resources/it-policy.yaml applied to a real Ceph RGW through S3, and
 * read back with GetObjectTagging, GetObjectRetention and GetObjectLegalHold; every outcome,
 * failures included, in the object's audit history. Enrichment (HeadObject) is on for these
 * buckets in the real-rgw profile.
 */
@ExtendWith(LocalStackExtension.class)
public class RealRgwPolicyIT {

    private static final Duration DEADLINE = Duration.ofSeconds(120);

    private static RealRgw rgw;
    private final Ledger ledger = new Ledger();

    @BeforeAll
    static void startRgw() throws Exception {
        rgw = new RealRgw();
    }

    @AfterAll
    static void stopRgw() throws Exception {
        rgw.close();
    }

    @Test
    public void tagsObjectLockRetentionAndLegalHoldAreAppliedAndReadBack() {
        String bucket = notifiedBucket(true);

        rgw.s3().putObject(request -> request.bucket(bucket).key("reports/q4.pdf")
                .metadata(Map.of("department", "finance")).tagging("existing=yes"), RequestBody.fromString("numbers"));

        await().atMost(DEADLINE).untilAsserted(() -> assertThat(tags(bucket, "reports/q4.pdf")).containsAllEntriesOf(Map.of(
                "classification", "confidential", "department", "finance", "folder", "reports", "existing", "yes")));
        await().atMost(DEADLINE).untilAsserted(() -> {
            GetObjectRetentionResponse retention = rgw.s3().getObjectRetention(r -> r.bucket(bucket).key("reports/q4.pdf"));
            assertThat(retention.retention().mode()).isEqualTo(ObjectLockRetentionMode.GOVERNANCE);
            assertThat(retention.retention().retainUntilDate()).isAfter(Instant.now().plus(Duration.ofHours(23)));
        });
        // The hold is put right after the retention: until then RGW answers 404 (no hold on the object).
        await().atMost(DEADLINE).ignoreExceptionsInstanceOf(S3Exception.class).untilAsserted(() ->
                assertThat(rgw.s3().getObjectLegalHold(r -> r.bucket(bucket).key("reports/q4.pdf")).legalHold().status())
                        .isEqualTo(ObjectLockLegalHoldStatus.ON));

        JsonNode history = awaitHistoryWith(bucket, "reports/q4.pdf", "io.objectledger.object.retention-applied.v1");
        JsonNode tagsApplied = entry(history, "io.objectledger.object.tags-applied.v1");
        assertThat(tagsApplied.at("/event/rule").asText()).isEqualTo("classify-reports");
        assertThat(tagsApplied.at("/event/policyVersion").asText()).isEqualTo("it-policy-1");
        assertThat(tagsApplied.get("principalId").asText()).isEqualTo("object-ledger");
        JsonNode retention = entry(history, "io.objectledger.object.retention-applied.v1");
        assertThat(retention.at("/event/mode").asText()).isEqualTo("GOVERNANCE");
        assertThat(retention.at("/event/legalHold").asBoolean()).isTrue();
        await().atMost(DEADLINE).until(() -> ledger.catalogObject(bucket, "reports/q4.pdf").body()
                .at("/tags/classification").asText().equals("confidential"));
    }

    @Test
    public void contentTypeAndRealSizeReadWithHeadObjectReachTheCatalogAndTheAuditTrail() {
        String bucket = notifiedBucket(false);
        String key = "described/scan 1.pdf";
        String body = "%PDF-1.7 a scanned page, described by the ledger";
        Instant before = Instant.now().minusSeconds(5);

        PutObjectResponse put = rgw.s3().putObject(request -> request.bucket(bucket).key(key)
                .contentType("application/pdf").metadata(Map.of("scanner", "floor-2")), RequestBody.fromString(body));

        JsonNode catalogued = await().atMost(DEADLINE).until(() -> ledger.catalogObject(bucket, key),
                answer -> answer.status() == 200 && answer.body().path("contentType").asText().equals("application/pdf"))
                .body();
        assertThat(catalogued.get("size").asLong()).isEqualTo(body.length());
        assertThat(catalogued.get("eTag").asText()).isEqualTo(put.eTag().replace("\"", ""));
        assertThat(catalogued.get("state").asText()).isEqualTo("PRESENT");
        assertThat(catalogued.at("/metadata/scanner").asText()).isEqualTo("floor-2");

        JsonNode history = awaitHistoryWith(bucket, key, "io.objectledger.object.described.v1");
        assertThat(history).extracting(entry -> entry.get("eventType").asText())
                .startsWith("io.objectledger.object.created.v1")
                .containsOnlyOnce("io.objectledger.object.described.v1")
                .doesNotContain("io.objectledger.object.description-failed.v1");
        JsonNode described = entry(history, "io.objectledger.object.described.v1");
        assertThat(described.get("eventName").asText()).isEqualTo("Ledger:ObjectDescribed");
        assertThat(described.get("principalId").asText()).isEqualTo("object-ledger");
        assertThat(described.get("requestId").asText()).as("the HeadObject request id").isNotBlank();
        assertThat(described.at("/event/facts/contentType").asText()).isEqualTo("application/pdf");
        assertThat(described.at("/event/facts/size").asLong()).isEqualTo(body.length());
        assertThat(described.at("/event/facts/eTag").asText()).isEqualTo(put.eTag().replace("\"", ""));
        assertThat(described.at("/event/facts/metadata/scanner").asText()).isEqualTo("floor-2");
        assertThat(Instant.parse(described.at("/event/lastModified").asText())).isBetween(before, Instant.now());
        assertThat(described.at("/event/stateAfter/facts/contentType").asText()).isEqualTo("application/pdf");
        assertThat(described.at("/event/stateAfter/presence").asText()).isEqualTo("PRESENT");
    }

    @Test
    public void ruleThatWouldBreakS3TagLimitsIsRecordedAsAFinalFailure() {
        String bucket = notifiedBucket(false);

        rgw.s3().putObject(request -> request.bucket(bucket).key("overflow/x.txt"), RequestBody.fromString("x"));

        JsonNode failure = entry(awaitHistoryWith(bucket, "overflow/x.txt", "io.objectledger.object.tagging-failed.v1"),
                "io.objectledger.object.tagging-failed.v1");
        assertThat(failure.at("/event/error").asText()).contains("11 tags");
        assertThat(failure.at("/event/willRetry").asBoolean()).isFalse();
        assertThat(tags(bucket, "overflow/x.txt")).isEmpty();
    }

    @Test
    public void failingS3CallIsRecordedAsAFailureAndRetriedUntilItSucceeds() {
        String bucket = Ledger.freshBucket("policy");
        rgw.s3().createBucket(request -> request.bucket(bucket));
        // The notification comes before the object exists, as after a multisite sync lag.
        String notification = new String(Ledger.fixtureInBucket("01-put-with-metadata.json", bucket), StandardCharsets.UTF_8)
                .replace("docs/hello.txt", "reports/late.pdf")
                .replace("x-amz-meta-color", "x-amz-meta-department").replace("\"blue\"", "\"finance\"");
        assertThat(ledger.push(notification.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);

        JsonNode failure = entry(awaitHistoryWith(bucket, "reports/late.pdf", "io.objectledger.object.tagging-failed.v1"),
                "io.objectledger.object.tagging-failed.v1");
        assertThat(failure.at("/event/error").asText()).contains("404");
        assertThat(failure.at("/event/willRetry").asBoolean()).isTrue();

        rgw.s3().putObject(request -> request.bucket(bucket).key("reports/late.pdf"), RequestBody.fromString("late"));

        await().atMost(DEADLINE).untilAsserted(() ->
                assertThat(tags(bucket, "reports/late.pdf")).containsEntry("classification", "confidential"));
        awaitHistoryWith(bucket, "reports/late.pdf", "io.objectledger.object.tags-applied.v1");
    }

    @Test
    public void removalUnderLedgerManagedRetentionIsARetentionViolation() {
        String bucket = notifiedBucket(false);
        rgw.s3().putObject(request -> request.bucket(bucket).key("kept/contract.txt"), RequestBody.fromString("signed"));
        JsonNode retention = entry(awaitHistoryWith(bucket, "kept/contract.txt",
                "io.objectledger.object.retention-applied.v1"), "io.objectledger.object.retention-applied.v1");
        assertThat(retention.at("/event/mode").asText()).isEqualTo("LEDGER");
        assertThat(retention.at("/event/disposition").asText()).isEqualTo("TAG_EXPIRED");

        rgw.s3().deleteObject(request -> request.bucket(bucket).key("kept/contract.txt"));

        JsonNode violation = entry(awaitHistoryWith(bucket, "kept/contract.txt",
                "io.objectledger.object.retention-violated.v1"), "io.objectledger.object.retention-violated.v1");
        assertThat(violation.at("/event/rule").asText()).isEqualTo("keep-ledgered");
        assertThat(violation.get("eventName").asText()).isEqualTo("ObjectRemoved:Delete");
    }

    @Test
    public void ledgerManagedRetentionEndsAfterARestartAndItsDispositionIsApplied() throws Exception {
        String bucket = notifiedBucket(false);
        rgw.s3().putObject(request -> request.bucket(bucket).key("expiring/draft.txt"), RequestBody.fromString("draft"));
        JsonNode retention = entry(awaitHistoryWith(bucket, "expiring/draft.txt",
                "io.objectledger.object.retention-applied.v1"), "io.objectledger.object.retention-applied.v1");
        assertThat(retention.at("/event/mode").asText()).isEqualTo("LEDGER");

        // The 20 s retention ends while lifecycle-service is down; its deadline is in the database.
        LocalStackExtension.stack().restart("lifecycle", true);

        JsonNode history = awaitHistoryWith(bucket, "expiring/draft.txt", "io.objectledger.object.disposition-applied.v1");
        assertThat(entry(history, "io.objectledger.object.retention-ended.v1").at("/event/rule").asText())
                .isEqualTo("expire-soon");
        assertThat(tags(bucket, "expiring/draft.txt")).containsEntry("ledger-retention", "expired");
    }

    private static String notifiedBucket(boolean objectLock) {
        String bucket = Ledger.freshBucket("policy");
        String topicArn = rgw.sns().createTopic(request -> request.name(bucket)
                .attributes(Map.of("push-endpoint", LocalStackExtension.settings().pushEndpoint(), "persistent", "false")))
                .topicArn();
        rgw.s3().createBucket(request -> request.bucket(bucket).objectLockEnabledForBucket(objectLock));
        rgw.s3().putBucketNotificationConfiguration(request -> request.bucket(bucket)
                .notificationConfiguration(configuration -> configuration.topicConfigurations(TopicConfiguration.builder()
                        .id("ledger").topicArn(topicArn).events(Event.S3_OBJECT_CREATED, Event.S3_OBJECT_REMOVED).build())));
        return bucket;
    }

    private static Map<String, String> tags(String bucket, String key) {
        List<Tag> tags = rgw.s3().getObjectTagging(request -> request.bucket(bucket).key(key)).tagSet();
        return tags.stream().collect(Collectors.toMap(Tag::key, Tag::value));
    }

    private JsonNode awaitHistoryWith(String bucket, String key, String eventType) {
        return await().atMost(DEADLINE).until(() -> ledger.auditHistory(bucket, key), answer -> answer.status() == 200
                && StreamSupport.stream(answer.body().get("entries").spliterator(), false)
                .anyMatch(entry -> entry.get("eventType").asText().equals(eventType))).body().get("entries");
    }

    private static JsonNode entry(JsonNode history, String eventType) {
        return StreamSupport.stream(history.spliterator(), false)
                .filter(entry -> entry.get("eventType").asText().equals(eventType)).findFirst().orElseThrow();
    }
}
