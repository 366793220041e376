package it.objectledger;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.TopicConfiguration;
import software.amazon.awssdk.services.sns.SnsClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two RGW tenants, each with a bucket and an object of the same names, pushing to one ledger:
 * the default tenant's user (the ledger's own S3 user) and user u1 of tenant t1. RGW sends the
 * bare bucket name and a principal without tenant; only {@code s3.bucket.arn} tells them apart.
 * The ledger keeps two objects with two separate, verifiable histories, and the tagging rule
 * {@code tag-tenant-t1} of it-policy.yaml (bucket {@code t1:sharedname-*}) reaches t1's object
 * only, through the bucket policy with which t1 lets the ledger's user tag its objects.
 */
@ExtendWith(LocalStackExtension.class)
public class RealRgwTenantsIT {

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final String KEY = "same.txt";
    private static final String CREATED = "io.objectledger.object.created.v1";
    private static final String TAGS_APPLIED = "io.objectledger.object.tags-applied.v1";

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
    public void sameBucketAndKeyInTwoTenantsAreTwoObjectsWithTheirOwnHistories() {
        RealRgw.Tenant t1 = rgw.t1();
        String name = "sharedname-" + UUID.randomUUID().toString().substring(0, 8);
        String t1Bucket = t1.bucket(name);
        // The path segment of the REST APIs: the colon URL-encoded.
        String t1Path = t1.name() + "%3A" + name;

        notifiedBucket(rgw.s3(), rgw.sns(), name, "default");
        notifiedBucket(t1.s3(), t1.sns(), name, "t1");
        t1.s3().putBucketPolicy(request -> request.bucket(name).policy(ledgerMayTag(t1Bucket)));

        // The default tenant's object first: by the time t1's object is tagged, a rule that
        // wrongly matched the default tenant's object would have tagged it too.
        PutObjectResponse defaultPut = rgw.s3().putObject(request -> request.bucket(name).key(KEY),
                RequestBody.fromString("the default tenant's copy"));
        PutObjectResponse t1Put = t1.s3().putObject(request -> request.bucket(name).key(KEY),
                RequestBody.fromString("tenant t1's copy, a different body"));
        assertThat(t1Put.eTag()).isNotEqualTo(defaultPut.eTag());

        JsonNode defaultObject = awaitCatalogued(name);
        JsonNode t1Object = awaitCatalogued(t1Path);
        assertThat(defaultObject.get("bucket").asText()).isEqualTo(name);
        assertThat(defaultObject.get("eTag").asText()).isEqualTo(unquoted(defaultPut.eTag()));
        assertThat(t1Object.get("bucket").asText()).isEqualTo(t1Bucket);
        assertThat(t1Object.get("eTag").asText()).isEqualTo(unquoted(t1Put.eTag()));

        JsonNode t1History = awaitHistoryWith(t1Path, TAGS_APPLIED);
        JsonNode tagged = entry(t1History, TAGS_APPLIED);
        assertThat(tagged.at("/event/rule").asText()).isEqualTo("tag-tenant-t1");
        assertThat(tags(t1.s3(), name)).containsEntry("tenant", "t1");
        await().atMost(DEADLINE).until(() ->
                ledger.catalogObject(t1Path, KEY).body().at("/tags/tenant").asText().equals("t1"));

        JsonNode defaultHistory = awaitHistoryWith(name, CREATED);
        assertThat(eventTypes(defaultHistory)).containsExactly(CREATED);
        assertThat(tags(rgw.s3(), name)).isEmpty();
        assertThat(ledger.catalogObject(name, KEY).body().path("tags").size()).isZero();

        // Each history holds its own tenant's put, by its own principal in its own bucket owner's
        // bucket, and nothing of the other's.
        assertThat(puts(t1History)).extracting(entry -> entry.path("principalId").asText()).containsExactly(t1.user());
        assertThat(puts(defaultHistory)).extracting(entry -> entry.path("principalId").asText())
                .containsExactly(rgw.user());
        assertThat(puts(t1History)).extracting(entry -> entry.path("ownerId").asText()).containsExactly(t1.user());
        assertThat(puts(defaultHistory)).extracting(entry -> entry.path("ownerId").asText()).containsExactly(rgw.user());
        assertThat(principals(t1History)).doesNotContain(rgw.user());
        assertThat(principals(defaultHistory)).doesNotContain(t1.user());

        assertVerifies(t1Path, t1History.size());
        assertVerifies(name, defaultHistory.size());
    }

    /** A bucket of its owner's tenant whose creates and removals RGW pushes to the ledger. */
    private static void notifiedBucket(S3Client s3, SnsClient sns, String bucket, String topic) {
        String topicArn = sns.createTopic(request -> request.name(bucket + "-" + topic)
                .attributes(Map.of("push-endpoint", LocalStackExtension.settings().pushEndpoint(), "persistent", "false")))
                .topicArn();
        s3.createBucket(request -> request.bucket(bucket));
        s3.putBucketNotificationConfiguration(request -> request.bucket(bucket)
                .notificationConfiguration(configuration -> configuration.topicConfigurations(TopicConfiguration.builder()
                        .id("ledger").topicArn(topicArn).events(Event.S3_OBJECT_CREATED, Event.S3_OBJECT_REMOVED).build())));
    }

    /**
     * What an operator grants for a tenant's bucket: the ledger's user is of the default tenant
     * (an empty tenant in its ARN), the bucket of t1 (the tenant in the resource's ARN).
     */
    private static String ledgerMayTag(String tenantBucket) {
        return """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                  "Principal": {"AWS": ["arn:aws:iam:::user/%s"]},
                  "Action": ["s3:GetObject", "s3:GetObjectTagging", "s3:PutObjectTagging"],
                  "Resource": ["arn:aws:s3::%s/*"]}]}""".formatted(rgw.user(), tenantBucket);
    }

    private JsonNode awaitCatalogued(String bucketPath) {
        return await().atMost(DEADLINE).until(() -> ledger.catalogObject(bucketPath, KEY),
                answer -> answer.status() == 200).body();
    }

    private JsonNode awaitHistoryWith(String bucketPath, String eventType) {
        return await().atMost(DEADLINE).until(() -> ledger.auditHistory(bucketPath, KEY), answer ->
                answer.status() == 200 && eventTypes(answer.body().get("entries")).contains(eventType))
                .body().get("entries");
    }

    private void assertVerifies(String bucketPath, int entries) {
        Ledger.Answer verification = ledger.auditVerification(bucketPath, KEY);
        assertThat(verification.status()).isEqualTo(200);
        assertThat(verification.body().get("intact").asBoolean()).as(verification.body().toString()).isTrue();
        assertThat(verification.body().get("entries").asInt()).isEqualTo(entries);
    }

    private static Map<String, String> tags(S3Client s3, String bucket) {
        List<Tag> tags = s3.getObjectTagging(request -> request.bucket(bucket).key(KEY)).tagSet();
        return tags.stream().collect(Collectors.toMap(Tag::key, Tag::value));
    }

    private static List<JsonNode> puts(JsonNode history) {
        return entries(history).stream().filter(entry -> entry.get("eventName").asText().equals("ObjectCreated:Put"))
                .toList();
    }

    private static List<String> principals(JsonNode history) {
        return entries(history).stream().map(entry -> entry.path("principalId").asText()).toList();
    }

    private static List<String> eventTypes(JsonNode history) {
        return entries(history).stream().map(entry -> entry.get("eventType").asText()).toList();
    }

    private static JsonNode entry(JsonNode history, String eventType) {
        return entries(history).stream().filter(entry -> entry.get("eventType").asText().equals(eventType))
                .findFirst().orElseThrow();
    }

    private static List<JsonNode> entries(JsonNode history) {
        return StreamSupport.stream(history.spliterator(), false).toList();
    }

    private static String unquoted(String eTag) {
        return eTag.replace("\"", "");
    }
}
