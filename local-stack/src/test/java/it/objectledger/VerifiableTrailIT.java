package it.objectledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.objectledger.events.trail.CheckpointKeys;
import io.objectledger.events.trail.MerkleHashes;
import io.objectledger.events.trail.MerkleTree;
import io.objectledger.events.trail.SignedCheckpoint;
import io.objectledger.events.trail.TrailVerifier;
import io.objectledger.events.trail.VerificationResult;
import io.objectledger.events.trail.VerifyTrail;
import io.objectledger.stack.StackSettings;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The trail as an auditor checks it without trusting the service: a checkpoint signed by the
 * running audit-service and published to Kafka verifies the whole NDJSON export offline with
 * the public key of the deployment; each entry's inclusion proof leads to the signed root, a
 * later checkpoint is proven to extend an earlier one, and the service's own verification agrees.
 * Altered checkpoints and requests outside the trail are refused.
 */
@ExtendWith(LocalStackExtension.class)
public class VerifiableTrailIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final String CHECKPOINTS_TOPIC = "object-ledger-checkpoints";
    private static final int OBJECTS = 4;
    /** A put, an overwrite and a removal of each object. */
    private static final int CHANGES_PER_OBJECT = 3;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Ledger ledger;
    private static StackSettings settings;
    private static String bucket;

    @BeforeAll
    static void severalObjectsWithSeveralChangesEach() {
        ledger = new Ledger();
        settings = LocalStackExtension.settings();
        bucket = Ledger.freshBucket("verifiable");
        pushObjects(bucket, OBJECTS);
        awaitCount(bucket, OBJECTS * CHANGES_PER_OBJECT);
    }

    @Test
    public void theCheckpointFromTheTopicVerifiesTheWholeExportOffline(@TempDir Path files) throws Exception {
        JsonNode taken = takeCheckpoint();
        long size = taken.get("treeSize").asLong();
        assertThat(size).isGreaterThanOrEqualTo(lastPosition(entries(bucket)));

        String published = published(size);
        SignedCheckpoint fromTopic = SignedCheckpoint.fromJson(published);
        assertThat(fromTopic.checkpoint().treeSize()).isEqualTo(size);
        assertThat(MerkleHashes.hex(fromTopic.checkpoint().rootHash())).isEqualTo(taken.get("rootHash").asText());
        assertThat(fromTopic.verifies(deploymentKey())).isTrue();

        Path key = Files.copy(deploymentKeyFile(), files.resolve("public-key.pem"));
        Path checkpoint = Files.writeString(files.resolve("checkpoint.json"), published);
        Path export = exportTrail(files.resolve("trail.ndjson"));
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        int exit = VerifyTrail.run(new String[] {"--public-key", key.toString(), "--checkpoint", checkpoint.toString(),
                export.toString()}, new PrintStream(report, true, StandardCharsets.UTF_8));

        String printed = report.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isZero();
        assertThat(printed).startsWith("VERIFIED")
                .contains("Entries 1 to " + size + " hash to the root signed at size " + size)
                .contains(size + " entries checked");
        VerificationResult result;
        try (BufferedReader lines = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            result = new TrailVerifier().verify(deploymentKey(), List.of(fromTopic), lines);
        }
        assertThat(result.verified()).as(result.reason()).isTrue();
        assertThat(result.verifiedSize()).isEqualTo(size);
        assertThat(result.entriesChecked()).isEqualTo(size);
        assertThat(result.firstFailingPosition()).isNull();
    }

    @Test
    public void eachEntryOfTheBucketIsProvenInTheSignedTree() {
        JsonNode checkpoint = takeCheckpoint();
        long size = checkpoint.get("treeSize").asLong();
        byte[] root = MerkleHashes.unhex(checkpoint.get("rootHash").asText());
        List<JsonNode> entries = entries(bucket);
        assertThat(entries).hasSize(OBJECTS * CHANGES_PER_OBJECT);

        for (JsonNode entry : entries) {
            long position = entry.get("position").asLong();
            byte[] leaf = MerkleHashes.unhex(entry.get("leafHash").asText());
            JsonNode proof = ok(ledger.get(audit("/api/audit/proofs/inclusion?position=" + position
                    + "&treeSize=" + size), "auditor"));
            List<byte[]> path = hashes(proof.get("auditPath"));

            assertThat(proof.get("position").asLong()).isEqualTo(position);
            assertThat(proof.get("treeSize").asLong()).isEqualTo(size);
            assertThat(proof.get("leafHash").asText()).isEqualTo(entry.get("leafHash").asText());
            assertThat(proof.get("rootHash").asText()).isEqualTo(checkpoint.get("rootHash").asText());
            assertThat(MerkleTree.verifyInclusion(leaf, position - 1, size, path, root))
                    .as("position %d in the tree of %d", position, size).isTrue();
            assertThat(MerkleTree.verifyInclusion(otherHash(leaf), position - 1, size, path, root))
                    .as("another leaf at position %d", position).isFalse();
        }
    }

    @Test
    public void aLaterCheckpointIsProvenToExtendAnEarlierOne() {
        JsonNode earlier = takeCheckpoint();
        String more = Ledger.freshBucket("verifiable-more");
        pushObjects(more, 2);
        awaitCount(more, 2 * CHANGES_PER_OBJECT);
        JsonNode later = takeCheckpoint();
        long from = earlier.get("treeSize").asLong();
        long to = later.get("treeSize").asLong();
        assertThat(to).isGreaterThanOrEqualTo(from + 2 * CHANGES_PER_OBJECT);

        JsonNode proof = ok(ledger.get(audit("/api/audit/proofs/consistency?from=" + from + "&to=" + to), "auditor"));
        byte[] earlierRoot = MerkleHashes.unhex(earlier.get("rootHash").asText());
        byte[] laterRoot = MerkleHashes.unhex(later.get("rootHash").asText());
        List<byte[]> path = hashes(proof.get("path"));

        assertThat(proof.get("fromRoot").asText()).isEqualTo(earlier.get("rootHash").asText());
        assertThat(proof.get("toRoot").asText()).isEqualTo(later.get("rootHash").asText());
        assertThat(path).isNotEmpty();
        assertThat(MerkleTree.verifyConsistency(from, to, earlierRoot, laterRoot, path)).isTrue();
        assertThat(MerkleTree.verifyConsistency(from, to, otherHash(earlierRoot), laterRoot, path)).isFalse();
        assertThat(MerkleTree.verifyConsistency(from, to, earlierRoot, otherHash(laterRoot), path)).isFalse();
        assertThat(ok(ledger.get(audit("/api/audit/checkpoints/" + from), "auditor")).get("rootHash").asText())
                .isEqualTo(earlier.get("rootHash").asText());
        assertThat(ok(ledger.get(audit("/api/audit/checkpoints/latest"), "auditor")).get("treeSize").asLong())
                .isGreaterThanOrEqualTo(to);
    }

    @Test
    public void theServiceVerifiesTheTrailAgainstItsOwnAndTheTopicsCheckpoints() {
        long size = takeCheckpoint().get("treeSize").asLong();
        String published = published(size);

        JsonNode stored = ok(verify(null));
        JsonNode supplied = ok(verify(published));
        JsonNode asArray = ok(verify("[" + published + "]"));

        assertThat(stored.get("verified").asBoolean()).as(stored.toString()).isTrue();
        assertThat(stored.hasNonNull("firstFailingPosition")).isFalse();
        assertThat(stored.get("from").asLong()).isEqualTo(1);
        assertThat(stored.get("to").asLong()).isGreaterThanOrEqualTo(size);
        assertThat(longs(stored.get("checkpointSizes"))).contains(size);
        for (JsonNode answer : List.of(supplied, asArray)) {
            assertThat(answer.get("verified").asBoolean()).as(answer.toString()).isTrue();
            assertThat(answer.hasNonNull("firstFailingPosition")).isFalse();
            assertThat(answer.get("from").asLong()).isEqualTo(1);
            assertThat(answer.get("to").asLong()).isEqualTo(size);
            assertThat(answer.get("treeSize").asLong()).isEqualTo(size);
            assertThat(answer.get("verifiedSize").asLong()).isEqualTo(size);
            assertThat(answer.get("entriesChecked").asLong()).isEqualTo(size);
            assertThat(longs(answer.get("checkpointSizes"))).containsExactly(size);
        }
    }

    @Test
    public void aCheckpointAlteredAfterSigningIsRefused() {
        JsonNode checkpoint = takeCheckpoint();
        long size = checkpoint.get("treeSize").asLong();
        ObjectNode otherRoot = checkpoint.deepCopy();
        otherRoot.put("rootHash", MerkleHashes.hex(otherHash(MerkleHashes.unhex(checkpoint.get("rootHash").asText()))));
        ObjectNode smaller = checkpoint.deepCopy();
        smaller.put("treeSize", size - 1);

        String oneOfTwo = "[" + checkpoint + "," + otherRoot + "]";
        String unparsable = "{\"treeSize\": " + size;
        for (String altered : List.of(otherRoot.toString(), smaller.toString(), oneOfTwo, unparsable)) {
            Ledger.Answer answer = verify(altered);
            assertThat(answer.status()).as(altered).isEqualTo(400);
            assertThat(answer.body().get("error").asText()).isEqualTo("invalid-checkpoint");
        }
        Ledger.Answer none = verify("[]");
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.body().get("error").asText()).isEqualTo("no-checkpoint");
    }

    @Test
    public void requestsOutsideTheTrailOrItsCheckpointsAreAnswered404Or400() {
        JsonNode checkpoint = takeCheckpoint();
        long size = checkpoint.get("treeSize").asLong();

        // The checkpoint just taken is the largest: no entry has arrived since to be signed at a larger size.
        Ledger.Answer missing = ledger.get(audit("/api/audit/checkpoints/" + (size + 1)), "auditor");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().get("error").asText()).isEqualTo("no-checkpoint");
        assertThat(ledger.get(audit("/api/audit/checkpoints/" + size), "auditor").body().get("rootHash").asText())
                .isEqualTo(checkpoint.get("rootHash").asText());

        long beyond = size + 1_000_000;
        for (String inclusion : List.of("position=0&treeSize=" + size, "position=" + (size + 1) + "&treeSize=" + size,
                "position=1&treeSize=" + beyond, "position=1&treeSize=0")) {
            Ledger.Answer answer = ledger.get(audit("/api/audit/proofs/inclusion?" + inclusion), "auditor");
            assertThat(answer.status()).as(inclusion).isEqualTo(400);
            assertThat(answer.body().get("error").asText()).isEqualTo("invalid-position");
        }
        for (String consistency : List.of("from=0&to=" + size, "from=" + size + "&to=" + (size - 1),
                "from=1&to=" + beyond)) {
            Ledger.Answer answer = ledger.get(audit("/api/audit/proofs/consistency?" + consistency), "auditor");
            assertThat(answer.status()).as(consistency).isEqualTo(400);
            assertThat(answer.body().get("error").asText()).isEqualTo("invalid-size");
        }
        for (String range : List.of("from=0", "to=" + (size + 1), "from=2&to=1")) {
            Ledger.Answer answer = ledger.send(HttpRequest.newBuilder(
                            URI.create(audit("/api/audit/verification?" + range)))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(checkpoint.toString())), "auditor");
            assertThat(answer.status()).as(range).isEqualTo(400);
            assertThat(answer.body().get("error").asText()).isEqualTo("invalid-range");
        }
    }

    @Test
    public void theServicePublishesTheDeploymentsKey() throws IOException {
        Ledger.Answer answer = ledger.get(audit("/api/audit/checkpoints/public-key"), "auditor");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(CheckpointKeys.publicKey(answer.body().asText())).isEqualTo(deploymentKey());
    }

    /** Each object put, overwritten an hour later and removed an hour after that, each change its own request. */
    private static void pushObjects(String bucket, int objects) {
        for (int object = 0; object < objects; object++) {
            String key = "ledger/" + object + ".txt";
            push(change("01-put-with-metadata.json", bucket, key, 0));
            push(change("01-put-with-metadata.json", bucket, key, 1));
            push(change("11-delete-object.json", bucket, key, 2));
        }
    }

    private static byte[] change(String fixture, String bucket, String key, int hour) {
        String body = new String(Ledger.fixtureInBucket(fixture, bucket, key), StandardCharsets.UTF_8)
                .replaceAll("\"eventTime\":\"[^\"]+\"",
                        Matcher.quoteReplacement("\"eventTime\":\"2031-03-0" + (hour + 1) + "T10:00:00.000001Z\""))
                .replaceAll("\"x-amz-request-id\":\"[^\"]+\"",
                        Matcher.quoteReplacement("\"x-amz-request-id\":\"" + bucket + "/" + key + "/" + hour + "\""));
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static void push(byte[] body) {
        Ledger.Answer answer = ledger.push(body);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    }

    private static void awaitCount(String bucket, long expected) {
        await().atMost(DEADLINE).until(() -> ledger.get(audit("/api/audit/entries/count?bucket=" + bucket), "auditor")
                .body().path("count").asLong() == expected);
    }

    private static List<JsonNode> entries(String bucket) {
        List<JsonNode> entries = new ArrayList<>();
        ok(ledger.get(audit("/api/audit/entries?limit=1000&bucket=" + bucket), "auditor")).get("entries")
                .forEach(entries::add);
        return entries;
    }

    private static long lastPosition(List<JsonNode> entries) {
        return entries.get(entries.size() - 1).get("position").asLong();
    }

    private static JsonNode takeCheckpoint() {
        return ok(ledger.send(HttpRequest.newBuilder(URI.create(audit("/api/audit/checkpoints")))
                .POST(HttpRequest.BodyPublishers.noBody()), "auditor"));
    }

    /** The checkpoint of {@code treeSize} as a subscriber of the topic reads it, among any others there. */
    private static String published(long treeSize) {
        try (KafkaTopics topics = new KafkaTopics()) {
            KafkaConsumer<String, byte[]> subscriber = topics.rawSubscriber(CHECKPOINTS_TOPIC);
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            ConsumerRecord<String, byte[]> record = await().atMost(DEADLINE)
                    .until(() -> KafkaTopics.pollInto(subscriber, seen).stream()
                            .filter(polled -> Long.toString(treeSize).equals(polled.key())).findFirst(),
                            Optional::isPresent)
                    .orElseThrow();
            return new String(record.value(), StandardCharsets.UTF_8);
        }
    }

    private static Ledger.Answer verify(String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(audit("/api/audit/verification")));
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return ledger.send(request, "auditor");
    }

    private static Path exportTrail(Path file) throws IOException, InterruptedException {
        HttpResponse<Path> answer = HTTP.send(HttpRequest.newBuilder(
                                URI.create(audit("/api/audit/entries/export?format=ndjson")))
                        .header("Authorization", "Bearer " + ledger.token("auditor")).build(),
                HttpResponse.BodyHandlers.ofFile(file));
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    /** The key the deployment holds, as the auditor gets it from it and not from the service under audit. */
    private static Path deploymentKeyFile() {
        return settings.keyDirectory().resolve("checkpoints").resolve("public-key.pem");
    }

    private static PublicKey deploymentKey() throws IOException {
        return CheckpointKeys.publicKey(Files.readString(deploymentKeyFile()));
    }

    private static JsonNode ok(Ledger.Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body();
    }

    private static List<byte[]> hashes(JsonNode hex) {
        List<byte[]> hashes = new ArrayList<>();
        hex.forEach(hash -> hashes.add(MerkleHashes.unhex(hash.asText())));
        return hashes;
    }

    private static List<Long> longs(JsonNode numbers) {
        List<Long> values = new ArrayList<>();
        numbers.forEach(number -> values.add(number.asLong()));
        return values;
    }

    /** The hash with its last bit flipped. */
    private static byte[] otherHash(byte[] hash) {
        byte[] other = hash.clone();
        other[other.length - 1] ^= 1;
        return other;
    }

    private static String audit(String path) {
        return settings.baseUrl("audit") + path;
    }
}
