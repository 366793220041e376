package it.objectledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.objectledger.stack.StackSettings;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Dead letters re-driven to the topic they came from once their cause is gone. No reject reason of
 * ingest can be removed while it runs (limits and the event mapping are fixed at start), so the
 * fixed cause is modelled as ingest's dead letter of a valid notification: its original bytes and
 * a reason header, on the dead-letter topic, as the router writes them.
 */
@ExtendWith(LocalStackExtension.class)
public class RedriveIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final String DLQ = "rgw-notifications-dlq";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DUPLICATE_PUTS = Pattern.compile(
            "ledger_lifecycle_changes_total\\{([^}]*)} ([0-9.eE+]+)");

    private static Ledger ledger;
    private static KafkaTopics kafka;
    private static KafkaProducer<String, byte[]> producer;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final StackSettings settings = LocalStackExtension.settings();

    @BeforeAll
    static void connect() {
        ledger = new Ledger();
        kafka = new KafkaTopics();
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackExtension.settings().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
    }

    @AfterAll
    static void disconnect() {
        producer.close(Duration.ofSeconds(5));
        kafka.close();
    }

    @Test
    public void aRedrivenNotificationIsRecordedOnceEvenWhenRedrivenTwice() throws Exception {
        Instant testStart = Instant.now();
        String bucket = Ledger.freshBucket("redrive");
        String fixed = "it-fixed-" + UUID.randomUUID();
        String stillBroken = "it-still-broken-" + UUID.randomUUID();
        deadLetter(Ledger.fixtureInBucket("01-put-with-metadata.json", bucket), fixed);
        deadLetter(Ledger.fixtureInBucket("02-put-with-tags.json", bucket), stillBroken);
        assertThat(ledger.catalogObject(bucket, "docs/hello.txt").status()).as("nothing reads dead letters by itself")
                .isEqualTo(404);
        KafkaConsumer<String, byte[]> notifications = kafka.rawSubscriber("rgw-notifications");

        JsonNode first = awaitFinished(startRedrive(fixed, testStart.minusSeconds(60)));
        assertThat(first.get("state").asText()).isEqualTo("done");
        assertThat(first.get("matched").asLong()).isEqualTo(1);
        assertThat(first.get("republished").asLong()).isEqualTo(1);
        assertThat(first.get("scanned").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(first.get("remaining").asLong()).isZero();
        assertThat(first.get("targetTopic").asText()).isEqualTo("rgw-notifications");

        JsonNode history = await().atMost(DEADLINE).until(() -> ledger.auditHistory(bucket, "docs/hello.txt"),
                answer -> answer.status() == 200).body().get("entries");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("eventName").asText()).isEqualTo("ObjectCreated:Put");
        assertThat(republishedBy(notifications, first.get("id").asText())).hasSize(1);

        double duplicatesBefore = duplicatePuts();
        JsonNode second = awaitFinished(startRedrive(fixed, null));
        assertThat(second.get("matched").asLong()).isEqualTo(1);
        assertThat(second.get("republished").asLong()).isEqualTo(1);
        // The second copy has been through ingest and lifecycle once lifecycle counts it as a duplicate.
        await().atMost(DEADLINE).until(() -> duplicatePuts() > duplicatesBefore);

        JsonNode after = ledger.auditHistory(bucket, "docs/hello.txt").body().get("entries");
        assertThat(after).hasSize(1);
        assertThat(after.get(0).get("eventId").asText()).isEqualTo(history.get(0).get("eventId").asText());
        assertThat(ledger.auditVerification(bucket, "docs/hello.txt").body().get("intact").asBoolean()).isTrue();
        assertThat(ledger.catalogObject(bucket, "docs/tagged.txt").status())
                .as("a dead letter of another reason is left where it is").isEqualTo(404);
    }

    @Test
    public void anUnfinishedRedriveIsResumedWhenIngestStarts() throws Exception {
        await().atMost(DEADLINE).until(() -> ledger.get(redrivesUrl(), "operator").status() == 200);
        String bucket = Ledger.freshBucket("redrive-resume");
        String reason = "it-resume-" + UUID.randomUUID();
        RecordMetadata deadLetter = deadLetter(Ledger.fixtureInBucket("03-put-with-metadata-and-tags.json", bucket),
                reason);
        String id = "it-" + UUID.randomUUID();
        // As the store keeps a re-drive whose owner died just before the dead letter: running, stale.
        producer.send(new ProducerRecord<>("ledger-redrives", id, unfinishedRedrive(id, reason, deadLetter)))
                .get(30, TimeUnit.SECONDS);
        assertThat(ledger.catalogObject(bucket, "docs/both.txt").status()).isEqualTo(404);

        LocalStackExtension.stack().restart("ingest", false);

        JsonNode resumed = awaitFinished(redrivesUrl() + "/" + id);
        assertThat(resumed.get("state").asText()).isEqualTo("done");
        assertThat(resumed.get("matched").asLong()).isEqualTo(1);
        assertThat(resumed.get("owner").asText()).isNotEqualTo("it-gone-instance");
        JsonNode history = await().atMost(DEADLINE).until(() -> ledger.auditHistory(bucket, "docs/both.txt"),
                answer -> answer.status() == 200).body().get("entries");
        assertThat(history).hasSize(1);
    }

    @Test
    public void aRedriveThatCannotBeMetIsRefusedWithTheReason() throws Exception {
        assertProblem(post("{\"deadLetterTopic\":\"object-lifecycle-events\"}"), 400, "unknown-topic");
        assertProblem(post("{\"deadLetterTopic\":\"" + DLQ + "\",\"from\":\"last tuesday\"}"), 400, "invalid-value");
        assertProblem(post("{\"deadLetterTopic\":\"" + DLQ + "\",\"reasn\":\"oversize\"}"), 400, "unknown-field");
        assertProblem(post("{\"reason\":\"oversize\"}"), 400, "missing-field");
        assertProblem(post("not json"), 400, "invalid-json");
        Ledger.Answer missing = ledger.get(redrivesUrl() + "/no-such-redrive", "operator");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().get("error").asText()).isEqualTo("not-found");
        assertThat(ledger.ready("ingest").status()).isEqualTo(200);
    }

    private RecordMetadata deadLetter(byte[] notification, String reason) throws Exception {
        var headers = new RecordHeaders()
                .add("ledger-reject-reason", utf8(reason))
                .add("ledger-reject-detail", utf8("a cause the operator has since removed"))
                .add("ledger-source", utf8("http"))
                .add("ledger-received-at", utf8(Instant.now().toString()))
                .add("ledger-original-bytes", utf8(String.valueOf(notification.length)));
        return producer.send(new ProducerRecord<String, byte[]>(DLQ, null, (String) null, notification, headers))
                .get(30, TimeUnit.SECONDS);
    }

    private static byte[] unfinishedRedrive(String id, String reason, RecordMetadata deadLetter) {
        Instant longAgo = Instant.now().minusSeconds(3_600);
        ObjectNode redrive = JSON.createObjectNode();
        ObjectNode definition = redrive.putObject("definition");
        definition.put("id", id).put("deadLetterTopic", DLQ).put("targetTopic", "rgw-notifications")
                .put("requestedAt", longAgo.toString());
        definition.putObject("filter").put("reason", reason);
        ObjectNode progress = redrive.putObject("progress");
        progress.put("state", "RUNNING").put("owner", "it-gone-instance").put("scanned", 0).put("matched", 0)
                .put("republished", 0).put("startedAt", longAgo.toString()).put("updatedAt", longAgo.toString())
                .put("runStartedAt", longAgo.toString()).put("scannedAtRunStart", 0);
        String partition = String.valueOf(deadLetter.partition());
        progress.putObject("endOffsets").put(partition, deadLetter.offset() + 1);
        progress.putObject("nextOffsets").put(partition, deadLetter.offset());
        return redrive.toString().getBytes(StandardCharsets.UTF_8);
    }

    private String startRedrive(String reason, Instant from) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("deadLetterTopic", DLQ).put("reason", reason);
        if (from != null) {
            body.put("from", from.toString());
        }
        HttpResponse<String> started = post(body.toString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/api/dead-letters/redrives/" + JSON.readTree(started.body()).get("id").asText());
        return location;
    }

    private JsonNode awaitFinished(String location) {
        return await().atMost(DEADLINE).until(() -> ledger.get(location, "operator"), answer -> answer.status() == 200
                && !answer.body().get("state").asText().equals("running")).body();
    }

    private List<ConsumerRecord<String, byte[]>> republishedBy(KafkaConsumer<String, byte[]> notifications, String id) {
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        return await().atMost(DEADLINE).until(() -> KafkaTopics.pollInto(notifications, seen).stream()
                .filter(record -> id.equals(header(record, "ledger-redrive-id"))).toList(), found -> !found.isEmpty());
    }

    /** Puts lifecycle recognised as already recorded, over the whole run. */
    private double duplicatePuts() {
        Matcher matcher = DUPLICATE_PUTS.matcher(ledger.metrics("lifecycle").body().asText());
        double total = 0;
        while (matcher.find()) {
            if (matcher.group(1).contains("outcome=\"duplicate\"") && matcher.group(1).contains("ObjectCreated:Put")) {
                total += Double.parseDouble(matcher.group(2));
            }
        }
        return total;
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(redrivesUrl())).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + ledger.token("operator")).timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> answer, int status, String error) throws IOException {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.get("error").asText()).isEqualTo(error);
        assertThat(problem.get("message").asText()).isNotBlank();
    }

    private String redrivesUrl() {
        return settings.baseUrl("ingest") + "/api/dead-letters/redrives";
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
