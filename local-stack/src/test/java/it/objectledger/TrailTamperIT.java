package it.objectledger;

import com.fasterxml.jackson.databind.JsonNode;
import io.objectledger.events.trail.CheckpointKeys;
import io.objectledger.events.trail.MerkleHashes;
import io.objectledger.events.trail.MerkleTree;
import io.objectledger.events.trail.PerfectSubtrees;
import io.objectledger.events.trail.SignedCheckpoint;
import io.objectledger.events.trail.TrailEntry;
import io.objectledger.events.trail.TrailVerifier;
import io.objectledger.events.trail.VerificationResult;
import io.objectledger.events.trail.VerifyTrail;
import io.objectledger.stack.StackSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Edits of the stored trail by someone who holds the database but not the signing key, each
 * caught by the service's verification and by the offline verifier on a fresh export against
 * checkpoints signed before the edit, which name the first position no longer to be trusted: a
 * changed field, a removed entry, an object's newest or all of its entries removed, two entries
 * swapped, and a rewrite with every stored hash recomputed, which only the signature notices.
 * Only on PostgreSQL, where the schema's owner is another user than the service's. Each edit is
 * undone afterwards, since later tests use the same trail.
 */
@ExtendWith(LocalStackExtension.class)
public class TrailTamperIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    /** Enough entries after the first checkpoint that a stored inner node covers the first of them. */
    private static final int OBJECTS = 6;
    /** A put, an overwrite and a removal of each object. */
    private static final int CHANGES_PER_OBJECT = 3;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Ledger ledger;
    private static StackSettings settings;
    private static Connection owner;
    private static PublicKey deploymentKey;
    /** Signed before the bucket's changes were pushed: it vouches for everything before them. */
    private static JsonNode before;
    private static List<JsonNode> entries;

    /** Signed before each edit, over all of the bucket's entries. */
    private JsonNode signed;

    @BeforeAll
    static void aCheckpointThenABucketOfChanges() throws Exception {
        settings = LocalStackExtension.settings();
        assumeThat(settings.postgres()).as("only the schema's owner may edit the trail, a PostgreSQL grant").isTrue();
        ledger = new Ledger();
        owner = DriverManager.getConnection(settings.databaseUrl("audit"), settings.postgresUser(), "");
        deploymentKey = CheckpointKeys.publicKey(Files.readString(
                settings.keyDirectory().resolve("checkpoints").resolve("public-key.pem")));
        // An entry under the first checkpoint, so that it vouches for some of the trail even on a fresh stack.
        String earlier = Ledger.freshBucket("tamper-earlier");
        push(change("01-put-with-metadata.json", earlier, "earlier.txt", 0));
        awaitCount(earlier, 1);
        before = takeCheckpoint();

        String bucket = Ledger.freshBucket("tamper");
        for (int object = 0; object < OBJECTS; object++) {
            String key = "ledger/" + object + ".txt";
            push(change("01-put-with-metadata.json", bucket, key, 0));
            push(change("01-put-with-metadata.json", bucket, key, 1));
            push(change("11-delete-object.json", bucket, key, 2));
        }
        awaitCount(bucket, OBJECTS * CHANGES_PER_OBJECT);
        entries = entries(bucket);
        assertThat(entries.get(0).get("position").asLong()).isGreaterThan(before.get("treeSize").asLong());
    }

    @AfterAll
    static void disconnect() throws SQLException {
        if (owner != null) {
            owner.close();
        }
    }

    @BeforeEach
    void signAndBackUp() throws SQLException {
        signed = takeCheckpoint();
        assertThat(signed.get("treeSize").asLong()).isGreaterThanOrEqualTo(position(entries.get(entries.size() - 1)));
        try (Statement sql = owner.createStatement()) {
            sql.execute("CREATE TEMP TABLE entries_backup AS SELECT * FROM audit_entry WHERE position > "
                    + before.get("treeSize").asLong());
            sql.execute("CREATE TEMP TABLE nodes_backup AS SELECT * FROM trail_node");
        }
    }

    /** Puts back every row the edit touched, and only those: entries by event id, nodes by level and index. */
    @AfterEach
    void restore() throws SQLException {
        owner.setAutoCommit(false);
        try (Statement sql = owner.createStatement()) {
            sql.execute("DELETE FROM audit_entry WHERE event_id IN (SELECT event_id FROM entries_backup)");
            sql.execute("INSERT INTO audit_entry SELECT * FROM entries_backup");
            sql.execute("DELETE FROM trail_node WHERE (level, node_index) IN "
                    + "(SELECT level, node_index FROM nodes_backup)");
            sql.execute("INSERT INTO trail_node SELECT * FROM nodes_backup");
            owner.commit();
        } finally {
            owner.setAutoCommit(true);
        }
        try (Statement sql = owner.createStatement()) {
            sql.execute("DROP TABLE entries_backup");
            sql.execute("DROP TABLE nodes_backup");
        }
        JsonNode verification = ok(verify(null));
        assertThat(verification.get("verified").asBoolean()).as(verification.toString()).isTrue();
    }

    @Test
    public void aChangedFieldIsNamedAtItsPosition(@TempDir Path files) throws Exception {
        long changed = position(entries.get(4));

        edit("UPDATE audit_entry SET principal_id = 'mallory' WHERE position = " + changed);

        assertDetectedAt(changed, files);
    }

    @Test
    public void anEntryRemovedFromTheMiddleIsNamedAtItsPosition(@TempDir Path files) throws Exception {
        long removed = position(entries.get(6));

        edit("DELETE FROM audit_entry WHERE position = " + removed);

        assertDetectedAt(removed, files);
    }

    @Test
    public void anObjectsNewestEntriesRemovedAreNamedAtTheFirstOfThem(@TempDir Path files) throws Exception {
        List<JsonNode> newest = ofObject(entries.get(entries.size() - 1).get("objectId").asText());
        long firstRemoved = position(newest.get(newest.size() - 2));

        edit("DELETE FROM audit_entry WHERE object_id = '" + newest.get(0).get("objectId").asText()
                + "' AND position >= " + firstRemoved);

        assertDetectedAt(firstRemoved, files);
    }

    @Test
    public void everyEntryOfAnObjectRemovedIsNamedAtItsFirst(@TempDir Path files) throws Exception {
        List<JsonNode> history = ofObject(entries.get(entries.size() / 2).get("objectId").asText());
        assertThat(history).hasSize(CHANGES_PER_OBJECT);

        edit("DELETE FROM audit_entry WHERE object_id = '" + history.get(0).get("objectId").asText() + "'");

        assertDetectedAt(position(history.get(0)), files);
    }

    @Test
    public void twoEntriesSwappedAreNamedAtTheFirst(@TempDir Path files) throws Exception {
        long first = position(entries.get(2));
        long second = position(entries.get(9));

        // Positions are unique, so one of the two waits at a position no entry has.
        edit("UPDATE audit_entry SET position = -1 WHERE position = " + first,
                "UPDATE audit_entry SET position = " + first + " WHERE position = " + second,
                "UPDATE audit_entry SET position = " + second + " WHERE position = -1");

        assertDetectedAt(first, files);
    }

    @Test
    public void aRewriteWithEveryHashRecomputedIsCaughtOnlyByTheSignature(@TempDir Path files) throws Exception {
        long beforeSize = before.get("treeSize").asLong();
        long laterSize = signed.get("treeSize").asLong();
        long changed = beforeSize + 1;

        rewriteWithRecomputedHashes(changed, "mallory");

        // The stored tree agrees with itself again: its proofs hold, for the rewritten root.
        JsonNode consistency = ok(ledger.get(audit("/api/audit/proofs/consistency?from=" + beforeSize + "&to="
                + laterSize), "auditor"));
        assertThat(consistency.get("fromRoot").asText()).isEqualTo(before.get("rootHash").asText());
        assertThat(consistency.get("toRoot").asText()).isNotEqualTo(signed.get("rootHash").asText());
        assertThat(MerkleTree.verifyConsistency(beforeSize, laterSize, unhex(consistency.get("fromRoot")),
                unhex(consistency.get("toRoot")), hashes(consistency.get("path")))).isTrue();
        JsonNode inclusion = ok(ledger.get(audit("/api/audit/proofs/inclusion?position=" + changed + "&treeSize="
                + laterSize), "auditor"));
        assertThat(MerkleTree.verifyInclusion(unhex(inclusion.get("leafHash")), changed - 1, laterSize,
                hashes(inclusion.get("auditPath")), unhex(consistency.get("toRoot")))).isTrue();

        List<JsonNode> both = List.of(before, signed);
        JsonNode service = ok(verify(array(both)));
        assertThat(service.get("verified").asBoolean()).isFalse();
        assertThat(service.get("firstFailingPosition").asLong()).as(service.toString()).isEqualTo(changed);
        assertThat(service.get("verifiedSize").asLong()).isEqualTo(beforeSize);
        assertThat(service.get("entriesChecked").asLong()).as("every entry matches its leaf").isEqualTo(laterSize);
        VerificationResult offline = verifyOffline(both, files.resolve("both"), changed);
        assertThat(offline.verifiedSize()).isEqualTo(beforeSize);
        assertThat(offline.entriesChecked()).as("every entry matches its leaf").isEqualTo(laterSize);

        // Without the earlier checkpoint nothing before the later one can be vouched for.
        JsonNode laterOnly = ok(verify(signed.toString()));
        assertThat(laterOnly.get("firstFailingPosition").asLong()).as(laterOnly.toString()).isEqualTo(1);
        assertThat(laterOnly.get("verifiedSize").asLong()).isZero();
        assertThat(verifyOffline(List.of(signed), files.resolve("later"), 1).verifiedSize()).isZero();
    }

    /**
     * Changes who acted in the entry at {@code position}, gives it the leaf its new fields hash to,
     * and rebuilds every stored inner node from the leaves, as someone who knows the tree's
     * format would: every stored hash agrees with the entries again.
     */
    private static void rewriteWithRecomputedHashes(long position, String principal) throws SQLException {
        TrailEntry stored;
        String storedLeaf;
        try (PreparedStatement query = owner.prepareStatement("SELECT * FROM audit_entry WHERE position = ?")) {
            query.setLong(1, position);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                stored = leaf(row);
                storedLeaf = row.getString("leaf_hash").trim();
            }
        }
        assertThat(MerkleHashes.hex(stored.leafHash())).as("the leaf as the service encodes it").isEqualTo(storedLeaf);
        TrailEntry rewritten = new TrailEntry(stored.position(), stored.eventId(), stored.objectId(), stored.bucket(),
                stored.key(), stored.versionId(), stored.sequence(), stored.eventType(), stored.eventName(),
                stored.eventTime(), stored.receivedAt(), stored.recordedAt(), principal, stored.ownerId(),
                stored.sourceIp(), stored.requestId(), stored.gatewayId(), stored.payloadSalt(),
                stored.payloadCommitment());
        edit("UPDATE audit_entry SET principal_id = '" + principal + "', leaf_hash = '"
                + MerkleHashes.hex(rewritten.leafHash()) + "' WHERE position = " + position);

        List<byte[]> leaves = new ArrayList<>();
        try (Statement sql = owner.createStatement();
             ResultSet rows = sql.executeQuery("SELECT position, leaf_hash FROM audit_entry ORDER BY position")) {
            while (rows.next()) {
                assertThat(rows.getLong(1)).isEqualTo(leaves.size() + 1L);
                leaves.add(MerkleHashes.unhex(rows.getString(2).trim()));
            }
        }
        PerfectSubtrees tree = new PerfectSubtrees() {
            @Override
            public byte[] hash(int level, long index) {
                return level == 0 ? leaves.get((int) index)
                        : MerkleHashes.node(hash(level - 1, 2 * index), hash(level - 1, 2 * index + 1));
            }
        };
        long rebuilt;
        try (PreparedStatement update = owner.prepareStatement(
                "UPDATE trail_node SET hash = ? WHERE level = ? AND node_index = ?")) {
            for (int level = 4; (1L << level) <= leaves.size(); level += 4) {
                for (long index = 0; index < leaves.size() >> level; index++) {
                    update.setString(1, MerkleHashes.hex(MerkleTree.range(tree, index << level, (index + 1) << level)));
                    update.setInt(2, level);
                    update.setLong(3, index);
                    update.addBatch();
                }
            }
            rebuilt = Arrays.stream(update.executeBatch()).sum();
        }
        try (Statement sql = owner.createStatement();
             ResultSet count = sql.executeQuery("SELECT COUNT(*) FROM trail_node")) {
            count.next();
            assertThat(rebuilt).as("every stored node rebuilt").isEqualTo(count.getLong(1));
        }
        try (Statement sql = owner.createStatement();
             ResultSet count = sql.executeQuery("SELECT COUNT(*) FROM trail_node n JOIN nodes_backup b "
                     + "USING (level, node_index) WHERE n.hash <> b.hash")) {
            count.next();
            assertThat(count.getLong(1)).as("stored nodes over the changed entry").isPositive();
        }
    }

    /** The entry of a row as the tree's leaf commits to it, payload by its salted hash. */
    private static TrailEntry leaf(ResultSet row) throws SQLException {
        String salt = row.getString("payload_salt");
        return new TrailEntry(row.getLong("position"), row.getString("event_id"), row.getString("object_id"),
                row.getString("bucket"), row.getString("object_key"), row.getString("version_id"),
                row.getLong("sequence"), row.getString("event_type"), row.getString("event_name"),
                time(row, "event_time"), time(row, "received_at"), time(row, "recorded_at"),
                row.getString("principal_id"), row.getString("owner_id"), row.getString("source_ip"),
                row.getString("request_id"), row.getString("gateway_id"), salt,
                TrailEntry.payloadCommitment(salt, row.getString("payload")));
    }

    private static Instant time(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    /**
     * Both verifiers, given the checkpoint signed before the bucket's changes and the one signed
     * before the edit, find the trail proven up to the first and name {@code position} as the first
     * that fails.
     */
    private void assertDetectedAt(long position, Path files) throws Exception {
        List<JsonNode> checkpoints = List.of(before, signed);

        JsonNode service = ok(verify(array(checkpoints)));

        assertThat(service.get("verified").asBoolean()).as(service.toString()).isFalse();
        assertThat(service.get("firstFailingPosition").asLong()).as(service.toString()).isEqualTo(position);
        assertThat(service.get("verifiedSize").asLong()).isEqualTo(before.get("treeSize").asLong());
        assertThat(verifyOffline(checkpoints, files, position).verifiedSize())
                .isEqualTo(before.get("treeSize").asLong());
    }

    /** VerifyTrail on a fresh export of the whole trail, and the verifier it runs, both naming {@code position}. */
    private static VerificationResult verifyOffline(List<JsonNode> checkpoints, Path files, long position)
            throws Exception {
        Files.createDirectories(files);
        Path export = exportTrail(files.resolve("trail.ndjson"));
        List<String> arguments = new ArrayList<>(List.of("--public-key",
                settings.keyDirectory().resolve("checkpoints").resolve("public-key.pem").toString()));
        List<SignedCheckpoint> signatures = new ArrayList<>();
        for (JsonNode checkpoint : checkpoints) {
            Path file = Files.writeString(files.resolve("checkpoint-" + checkpoint.get("treeSize").asLong() + ".json"),
                    checkpoint.toString());
            arguments.addAll(List.of("--checkpoint", file.toString()));
            signatures.add(SignedCheckpoint.fromJson(checkpoint.toString()));
        }
        arguments.add(export.toString());
        ByteArrayOutputStream report = new ByteArrayOutputStream();

        int exit = VerifyTrail.run(arguments.toArray(String[]::new),
                new PrintStream(report, true, StandardCharsets.UTF_8));

        String printed = report.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isEqualTo(1);
        assertThat(printed).startsWith("NOT VERIFIED")
                .contains("The first position that cannot be trusted is " + position + ":");
        try (BufferedReader lines = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            VerificationResult result = new TrailVerifier().verify(deploymentKey, signatures, lines);
            assertThat(result.verified()).isFalse();
            assertThat(result.firstFailingPosition()).as(result.reason()).isEqualTo(position);
            return result;
        }
    }

    private static void edit(String... statements) throws SQLException {
        try (Statement sql = owner.createStatement()) {
            for (String statement : statements) {
                assertThat(sql.executeUpdate(statement)).as(statement).isPositive();
            }
        }
    }

    private static List<JsonNode> ofObject(String objectId) {
        return entries.stream().filter(entry -> entry.get("objectId").asText().equals(objectId))
                .collect(Collectors.toList());
    }

    private static byte[] change(String fixture, String bucket, String key, int hour) {
        String body = new String(Ledger.fixtureInBucket(fixture, bucket, key), StandardCharsets.UTF_8)
                .replaceAll("\"eventTime\":\"[^\"]+\"",
                        Matcher.quoteReplacement("\"eventTime\":\"2031-04-0" + (hour + 1) + "T10:00:00.000001Z\""))
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

    private static long position(JsonNode entry) {
        return entry.get("position").asLong();
    }

    private static JsonNode takeCheckpoint() {
        return ok(ledger.send(HttpRequest.newBuilder(URI.create(audit("/api/audit/checkpoints")))
                .POST(HttpRequest.BodyPublishers.noBody()), "auditor"));
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

    private static String array(List<JsonNode> checkpoints) {
        return checkpoints.stream().map(JsonNode::toString).collect(Collectors.joining(",", "[", "]"));
    }

    private static Path exportTrail(Path file) throws IOException, InterruptedException {
        HttpResponse<Path> answer = HTTP.send(HttpRequest.newBuilder(URI.create(
                                audit("/api/audit/entries/export?format=ndjson")))
                        .header("Authorization", "Bearer " + ledger.token("auditor")).build(),
                HttpResponse.BodyHandlers.ofFile(file));
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    private static JsonNode ok(Ledger.Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body();
    }

    private static byte[] unhex(JsonNode hex) {
        return MerkleHashes.unhex(hex.asText());
    }

    private static List<byte[]> hashes(JsonNode hex) {
        List<byte[]> hashes = new ArrayList<>();
        hex.forEach(hash -> hashes.add(unhex(hash)));
        return hashes;
    }

    private static String audit(String path) {
        return settings.baseUrl("audit") + path;
    }
}
