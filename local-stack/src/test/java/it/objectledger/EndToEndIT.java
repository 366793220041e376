package it.objectledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.objectledger.events.fixtures.LifecycleEventSchemas;
import io.objectledger.events.object.ObjectIdentity;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * RGW notifications in through both doors, out as catalog state, audit history and lifecycle
 * events, through a real broker, database and the four Liberty servers.
 */
@ExtendWith(LocalStackExtension.class)
public class EndToEndIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LifecycleEventSchemas SCHEMAS = new LifecycleEventSchemas();

    private static Ledger ledger;
    private static KafkaTopics kafka;
    private static KafkaConsumer<String, CloudEvent> subscriber;
    private static final List<ConsumerRecord<String, CloudEvent>> published = new ArrayList<>();

    @BeforeAll
    static void connect() {
        ledger = new Ledger();
        kafka = new KafkaTopics();
        subscriber = kafka.lifecycleSubscriber();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    public void notificationProducedToKafkaIsCataloguedAuditedAndPublished() throws Exception {
        String bucket = Ledger.freshBucket("kafka");

        kafka.produce("rgw-notifications", Ledger.fixtureInBucket("03-put-with-metadata-and-tags.json", bucket));

        JsonNode entry = awaitCatalogued(bucket, "docs/both.txt");
        assertThat(entry.get("state").asText()).isEqualTo("PRESENT");
        assertThat(entry.get("size").asLong()).isEqualTo(24);
        assertThat(entry.get("eTag").asText()).isEqualTo("8dd5067d1c62a18c414da9ef1f1dbde6");
        assertThat(JSON.convertValue(entry.get("metadata"), Map.class)).isEqualTo(Map.of("color", "red"));
        assertThat(JSON.convertValue(entry.get("tags"), Map.class)).isEqualTo(Map.of("project", "beta"));
        assertThat(entry.get("lastEventTime").asText()).isEqualTo("2026-11-26T21:53:21.983440Z");

        JsonNode history = awaitHistory(bucket, "docs/both.txt", 1);
        JsonNode recorded = history.get(0);
        assertThat(recorded.get("eventName").asText()).isEqualTo("ObjectCreated:Put");
        assertThat(recorded.get("eventType").asText()).isEqualTo("io.objectledger.object.created.v1");
        assertThat(recorded.get("eventTime").asText()).isEqualTo("2026-11-26T21:53:21.983440Z");
        assertThat(recorded.get("principalId").asText()).isEqualTo("lab");
        assertThat(recorded.at("/event/facts/tags/project").asText()).isEqualTo("beta");

        ConsumerRecord<String, CloudEvent> event = awaitPublished(bucket + "/docs/both.txt", 1).get(0);
        assertThat(event.key()).isEqualTo(new ObjectIdentity(bucket, "docs/both.txt").aggregateId());
        CloudEvent cloudEvent = event.value();
        assertThat(cloudEvent.getType()).isEqualTo("io.objectledger.object.created.v1");
        assertThat(cloudEvent.getSource().toString()).isEqualTo("/object-ledger/lifecycle-service");
        assertThat(cloudEvent.getTime()).isEqualTo(OffsetDateTime.parse("2026-11-26T21:53:21.983440Z"));
        assertThat(cloudEvent.getId()).isEqualTo(recorded.get("eventId").asText());
        JsonNode data = JSON.readTree(cloudEvent.getData().toBytes());
        assertThat(data.at("/object/bucket").asText()).isEqualTo(bucket);
        assertThat(data.at("/facts/size").asLong()).isEqualTo(24);
        assertThat(data.at("/facts/eTag").asText()).isEqualTo("8dd5067d1c62a18c414da9ef1f1dbde6");
        assertThat(data.at("/facts/metadata/color").asText()).isEqualTo("red");
    }

    @Test
    public void notificationPushedOverHttpIsCataloguedAuditedAndPublished() {
        String bucket = Ledger.freshBucket("http");
        String key = "dir/with space+plus&amp=1 ü.txt";

        Ledger.Answer answer = ledger.push(Ledger.fixtureInBucket("04-put-key-special-chars.json", bucket));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("records").asInt()).isEqualTo(1);
        JsonNode entry = awaitCatalogued(bucket, key);
        assertThat(entry.get("key").asText()).isEqualTo(key);
        assertThat(entry.get("bucket").asText()).isEqualTo(bucket);
        assertThat(entry.get("state").asText()).isEqualTo("PRESENT");
        JsonNode history = awaitHistory(bucket, key, 1);
        assertThat(history.get(0).get("eventName").asText()).isEqualTo("ObjectCreated:Put");
        CloudEvent event = awaitPublished(bucket + "/" + key, 1).get(0).value();
        assertThat(event.getType()).isEqualTo("io.objectledger.object.created.v1");

        assertThat(ledger.catalogListing(bucket, "dir/").body().get("objects"))
                .extracting(object -> object.get("key").asText())
                .containsExactly(key);
    }

    @Test
    public void deleteAfterCreateLeavesTheObjectRemovedWithBothInItsHistory() {
        String bucket = Ledger.freshBucket("delete");

        assertThat(ledger.push(Ledger.fixtureInBucket("07-copy-object.json", bucket)).status()).isEqualTo(200);
        assertThat(ledger.push(Ledger.fixtureInBucket("11-delete-object.json", bucket)).status()).isEqualTo(200);

        JsonNode history = awaitHistory(bucket, "docs/hello-copy.txt", 2);
        assertThat(history).extracting(entry -> entry.get("eventName").asText())
                .containsExactly("ObjectCreated:Copy", "ObjectRemoved:Delete");
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(
                ledger.catalogObject(bucket, "docs/hello-copy.txt").body().get("state").asText()).isEqualTo("REMOVED"));
        assertThat(ledger.catalogListing(bucket, "").body().get("objects")).isEmpty();

        // The history is hash-chained: the auditor's verification recomputes it and finds it intact.
        JsonNode verification = ledger.auditVerification(bucket, "docs/hello-copy.txt").body();
        assertThat(verification.get("intact").asBoolean()).isTrue();
        assertThat(verification.get("entries").asInt()).isEqualTo(2);
        assertThat(verification.get("headHash").asText()).isEqualTo(history.get(1).get("entryHash").asText());
    }

    @Test
    public void oneChangeDeliveredUnderTwoConfigurationsIsRecordedOnce() {
        String bucket = Ledger.freshBucket("dup");

        ledger.push(Ledger.fixtureInBucket("31-filtered-prefix-suffix.json", bucket));
        ledger.push(Ledger.fixtureInBucket("32-filtered-prefix-suffix.json", bucket));
        ledger.push(Ledger.fixtureInBucket("31-filtered-prefix-suffix.json", bucket));
        // A later change to the same object: once it is recorded, everything before it on the
        // object's partition has been processed, duplicates included.
        ledger.push(deleteOf(bucket, "filt/match.txt"));

        JsonNode history = awaitHistory(bucket, "filt/match.txt", 2);
        assertThat(history).extracting(entry -> entry.get("eventName").asText())
                .containsExactly("ObjectCreated:Put", "ObjectRemoved:Delete");
        assertThat(awaitPublished(bucket + "/filt/match.txt", 2)).hasSize(2);
    }

    @Test
    public void versionedHistoryEndsWithTheSurvivingVersionCurrent() throws Exception {
        String bucket = Ledger.freshBucket("versions");
        String key = "v/obj.txt";
        // Put v1, put v2, delete (marker), remove the marker by its id, remove v1 by its id.
        for (String fixture : List.of("15-versioned-put-v1.json", "16-versioned-put-v2.json",
                "17-versioned-delete-creates-marker.json", "18-versioned-delete-marker-removed.json",
                "19-versioned-delete-specific-version.json")) {
            assertThat(ledger.push(Ledger.fixtureInBucket(fixture, bucket)).status()).isEqualTo(200);
        }

        JsonNode history = awaitHistory(bucket, key, 5);
        assertThat(history).extracting(entry -> entry.get("eventName").asText()).containsExactly(
                "ObjectCreated:Put", "ObjectCreated:Put", "ObjectRemoved:DeleteMarkerCreated",
                "ObjectRemoved:Delete", "ObjectRemoved:Delete");
        // Only the last change leaves a single version; before it the catalog may still show two.
        await().atMost(DEADLINE).untilAsserted(() -> {
            JsonNode entry = ledger.catalogObject(bucket, key).body();
            assertThat(entry.get("state").asText()).isEqualTo("PRESENT");
            assertThat(entry.get("versionId").asText()).isEqualTo("gYU4nVzdGvG-9.Je6GsYsoT92qfOdEM");
            assertThat(entry.get("eTag").asText()).isEqualTo("27f60b341727cb8ed1de139b0da7c173");
            assertThat(entry.get("versionCount").asInt()).isEqualTo(1);
        });
        assertThat(ledger.catalogListing(bucket, "v/").body().get("objects"))
                .extracting(object -> object.get("key").asText()).containsExactly(key);

        List<ConsumerRecord<String, CloudEvent>> events = awaitPublished(bucket + "/" + key, 5);
        // The object's history position travels as the ledgersequence extension.
        CloudEvent last = events.stream().map(ConsumerRecord::value)
                .max(Comparator.comparingLong(event -> Long.parseLong(String.valueOf(
                        event.getExtension("ledgersequence"))))).orElseThrow();
        JsonNode stateAfter = JSON.readTree(last.getData().toBytes()).get("stateAfter");
        assertThat(stateAfter.get("presence").asText()).isEqualTo("PRESENT");
        assertThat(stateAfter.get("versionId").asText()).isEqualTo("gYU4nVzdGvG-9.Je6GsYsoT92qfOdEM");
    }

    private static byte[] deleteOf(String bucket, String key) {
        return new String(Ledger.fixtureInBucket("11-delete-object.json", bucket), java.nio.charset.StandardCharsets.UTF_8)
                .replace("docs/hello-copy.txt", key)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private JsonNode awaitCatalogued(String bucket, String key) {
        return await().atMost(DEADLINE).until(() -> ledger.catalogObject(bucket, key),
                answer -> answer.status() == 200).body();
    }

    private JsonNode awaitHistory(String bucket, String key, int entries) {
        return await().atMost(DEADLINE).until(() -> ledger.auditHistory(bucket, key),
                answer -> answer.status() == 200 && answer.body().get("entries").size() >= entries)
                .body().get("entries");
    }

    /** Waits for the object's lifecycle events, and checks each against its published JSON Schema. */
    private List<ConsumerRecord<String, CloudEvent>> awaitPublished(String subject, int count) {
        List<ConsumerRecord<String, CloudEvent>> matching = await().atMost(DEADLINE).until(() -> {
            synchronized (published) {
                KafkaTopics.pollInto(subscriber, published);
                return published.stream().filter(record -> subject.equals(record.value().getSubject())).toList();
            }
        }, found -> found.size() >= count);
        for (ConsumerRecord<String, CloudEvent> record : matching) {
            assertThat(SCHEMAS.violations(record.value().getType(), record.value().getData().toBytes()))
                    .as("schema violations of " + record.value().getType()).isEmpty();
        }
        return matching;
    }
}
