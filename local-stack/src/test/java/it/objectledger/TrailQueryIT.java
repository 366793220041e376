package it.objectledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.objectledger.stack.StackSettings;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The audit trail across objects through the running stack: each filter and a combination, pages
 * that neither miss nor repeat an entry while new ones arrive, a count, NDJSON and CSV exports
 * equal to the query, another tenant's buckets matching nothing, bad input answered 400, and every
 * query recorded in the record of reads.
 */
@ExtendWith(LocalStackExtension.class)
public class TrailQueryIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final String CREATED = "io.objectledger.object.created.v1";
    private static final String REMOVED = "io.objectledger.object.removed.v1";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Ledger ledger;
    private static StackSettings settings;
    private static String bucket;

    /** Three puts under {@code a/} and one under {@code b/}, a day apart, then the removal of {@code a/2}. */
    @BeforeAll
    static void aBucketWithFiveChanges() {
        ledger = new Ledger();
        settings = LocalStackExtension.settings();
        bucket = Ledger.freshBucket("trail");
        put(bucket, "a/1.txt", "req-a1", "2030-01-01T10:00:00.000001Z");
        put(bucket, "a/2.txt", "req-a2", "2030-01-02T10:00:00.000001Z");
        put(bucket, "a/3.txt", "req-a3", "2030-01-03T10:00:00.000001Z");
        put(bucket, "b/1.txt", "req-b1", "2030-01-04T10:00:00.000001Z");
        String removal = new String(Ledger.fixtureInBucket("11-delete-object.json", bucket), StandardCharsets.UTF_8)
                .replace("docs/hello-copy.txt", "a/2.txt")
                .replaceAll("\"eventTime\":\"[^\"]+\"", "\"eventTime\":\"2030-01-05T10:00:00.000001Z\"")
                .replaceAll("\"x-amz-request-id\":\"[^\"]+\"", "\"x-amz-request-id\":\"req-a2-removed\"");
        assertThat(ledger.push(removal.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
        awaitCount("bucket=" + bucket, 5);
    }

    @Test
    public void eachFilterAndTheirCombinationFindTheirEntries() {
        // The trail's order is the order it stored them: objects on other partitions may come in
        // another order than they were pushed, an object's own history never does.
        assertThat(keys("bucket=" + bucket)).containsExactlyInAnyOrder("a/1.txt", "a/2.txt", "a/3.txt", "b/1.txt",
                "a/2.txt");
        assertThat(types("bucket=" + bucket + "&prefix=a/2")).containsExactly(CREATED, REMOVED);
        assertThat(keys("bucket=" + bucket + "&prefix=a/")).containsExactlyInAnyOrder("a/1.txt", "a/2.txt", "a/3.txt",
                "a/2.txt");
        assertThat(keys("requestId=req-a3")).containsExactly("a/3.txt");
        assertThat(keys("bucket=" + bucket + "&type=" + REMOVED)).containsExactly("a/2.txt");
        assertThat(keys("bucket=" + bucket + "&type=" + REMOVED + "&type=" + CREATED)).hasSize(5);
        assertThat(keys("bucket=" + bucket + "&principal=lab")).hasSize(5);
        assertThat(keys("bucket=" + bucket + "&principal=someone-else")).isEmpty();
        assertThat(keys("bucket=" + bucket + "&eventTimeFrom=2030-01-02T00:00:00Z&eventTimeTo=2030-01-04T00:00:00Z"))
                .containsExactlyInAnyOrder("a/2.txt", "a/3.txt");
        assertThat(keys("bucket=" + bucket + "&prefix=a/&type=" + CREATED + "&eventTimeFrom=2030-01-02T00:00:00Z"))
                .containsExactlyInAnyOrder("a/2.txt", "a/3.txt");
        assertThat(count("bucket=" + bucket + "&prefix=a/&type=" + CREATED + "&eventTimeFrom=2030-01-02T00:00:00Z"))
                .isEqualTo(2);

        List<JsonNode> all = entries("bucket=" + bucket);
        String recordedAt = all.get(4).get("recordedAt").asText();
        assertThat(count("bucket=" + bucket + "&recordedFrom=" + recordedAt)).isBetween(1L, 5L);
        assertThat(count("bucket=" + bucket + "&recordedTo=" + all.get(0).get("recordedAt").asText())).isZero();
        List<Long> positions = all.stream().map(entry -> entry.get("position").asLong()).toList();
        assertThat(positions).isSorted().doesNotHaveDuplicates();
    }

    @Test
    public void aVersionIdFindsTheEntriesOfThatVersion() {
        String versioned = Ledger.freshBucket("trail-version");
        assertThat(ledger.push(Ledger.fixtureInBucket("15-versioned-put-v1.json", versioned)).status()).isEqualTo(200);
        awaitCount("bucket=" + versioned, 1);

        assertThat(keys("bucket=" + versioned + "&versionId=wbwmOTD5TWmNFcoTm994z2XtJhXyB21")).containsExactly("v/obj.txt");
        assertThat(keys("bucket=" + versioned + "&versionId=another")).isEmpty();
    }

    @Test
    public void pagesNeitherMissNorRepeatAnEntryWhileNewOnesArrive() {
        String growing = Ledger.freshBucket("trail-pages");
        for (int i = 0; i < 5; i++) {
            put(growing, "k/" + i, "req-p" + i, "2030-02-0" + (i + 1) + "T10:00:00Z");
        }
        awaitCount("bucket=" + growing, 5);

        List<String> seen = new ArrayList<>();
        long after = 0;
        int pages = 0;
        while (true) {
            JsonNode page = get("/api/audit/entries?bucket=" + growing + "&limit=2&after=" + after).body();
            page.get("entries").forEach(entry -> seen.add(entry.get("eventId").asText()));
            if (pages++ == 0) {
                for (int i = 5; i < 8; i++) {
                    put(growing, "k/" + i, "req-p" + i, "2030-02-0" + (i + 1) + "T10:00:00Z");
                }
                awaitCount("bucket=" + growing, 8);
            }
            if (!page.hasNonNull("nextAfter")) {
                break;
            }
            after = page.get("nextAfter").asLong();
        }

        assertThat(seen).doesNotHaveDuplicates().hasSize(8);
        assertThat(seen).containsExactlyElementsOf(entries("bucket=" + growing).stream()
                .map(entry -> entry.get("eventId").asText()).toList());
    }

    @Test
    public void exportsHoldTheQuerysEntriesInItsOrder() throws IOException, InterruptedException {
        List<JsonNode> query = entries("bucket=" + bucket);

        HttpResponse<String> ndjson = export("ndjson");
        HttpResponse<String> csv = export("csv");

        assertThat(ndjson.statusCode()).isEqualTo(200);
        assertThat(ndjson.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
        assertThat(ndjson.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment; filename=\"audit-trail-" + bucket + "-").endsWith(".ndjson\"");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : ndjson.body().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).isEqualTo(query);

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).endsWith(".csv\"");
        assertThat(csv.body()).contains("\r\n");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body())).getRecords();
        assertThat(rows).hasSameSizeAs(query);
        for (int i = 0; i < rows.size(); i++) {
            JsonNode entry = query.get(i);
            assertThat(rows.get(i).get("position")).isEqualTo(entry.get("position").asText());
            assertThat(rows.get(i).get("eventId")).isEqualTo(entry.get("eventId").asText());
            assertThat(rows.get(i).get("key")).isEqualTo(entry.get("key").asText());
            assertThat(rows.get(i).get("entryHash")).isEqualTo(entry.get("entryHash").asText());
            assertThat(rows.get(i).get("previousHash")).isEqualTo(entry.get("previousHash").asText());
            assertThat(JSON.readTree(rows.get(i).get("event"))).isEqualTo(entry.get("event"));
        }
    }

    @Test
    public void anotherTenantsBucketsMatchNothing() throws IOException, InterruptedException {
        String shared = Ledger.freshBucket("trail-tenants");
        String tenant = "tq" + shared.substring(shared.length() - 6);
        assertThat(ledger.push(Ledger.tenantFixture(tenant, shared)).status()).isEqualTo(200);
        assertThat(ledger.push(Ledger.fixtureInBucket("01-put-with-metadata.json", shared)).status()).isEqualTo(200);
        awaitCount("bucket=" + encode(tenant + ":" + shared), 1);
        awaitCount("bucket=" + shared, 1);
        String tenantsAuditor = ledger.issuer().token("it-tenant-auditor", List.of("auditor"), List.of(tenant));

        JsonNode own = get("/api/audit/entries?bucket=" + encode(tenant + ":" + shared), tenantsAuditor).body();
        JsonNode defaultTenants = get("/api/audit/entries?bucket=" + shared, tenantsAuditor).body();
        JsonNode everything = get("/api/audit/entries?limit=1000", tenantsAuditor).body();
        JsonNode counted = get("/api/audit/entries/count?bucket=" + shared, tenantsAuditor).body();
        HttpResponse<String> exported = send("/api/audit/entries/export?bucket=" + shared, tenantsAuditor);

        assertThat(own.get("entries")).hasSize(1);
        assertThat(defaultTenants.get("entries")).isEmpty();
        assertThat(everything.get("entries")).isNotEmpty()
                .allSatisfy(entry -> assertThat(entry.get("bucket").asText()).startsWith(tenant + ":"));
        assertThat(counted.get("count").asLong()).isZero();
        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(exported.body()).isEmpty();
    }

    @Test
    public void badInputIsAnswered400WithItsProblem() {
        assertThat(get("/api/audit/entries?eventTimeFrom=yesterday")).satisfies(answer -> problem(answer, "invalid-time"));
        assertThat(get("/api/audit/entries/count?recordedTo=2030-13-01")).satisfies(answer -> problem(answer, "invalid-time"));
        assertThat(get("/api/audit/entries?limit=0")).satisfies(answer -> problem(answer, "invalid-limit"));
        assertThat(get("/api/audit/entries?limit=1001")).satisfies(answer -> problem(answer, "invalid-limit"));
        assertThat(get("/api/audit/entries?after=-1")).satisfies(answer -> problem(answer, "invalid-position"));
        assertThat(get("/api/audit/entries/export?format=xml")).satisfies(answer -> problem(answer, "invalid-format"));
    }

    @Test
    public void everyQueryIsInTheRecordOfReads() {
        String subject = "it-trail-reader-" + bucket;
        String token = ledger.issuer().token(subject, List.of("auditor"), List.of("*"));
        get("/api/audit/entries?bucket=" + bucket + "&prefix=a/", token);
        get("/api/audit/entries/count?bucket=" + bucket, token);

        JsonNode reads = get("/api/audit/reads?subject=" + subject, token).body().get("reads");

        List<String> operations = new ArrayList<>();
        reads.forEach(read -> operations.add(read.get("operation").asText()));
        assertThat(operations).containsExactly("reads", "count", "entries");
        JsonNode query = reads.get(2);
        assertThat(query.get("parameters").get("bucket").asText()).isEqualTo(bucket);
        assertThat(query.get("parameters").get("prefix").asText()).isEqualTo("a/");
        assertThat(query.get("tenant").asText()).isEmpty();
    }

    private static void problem(Ledger.Answer answer, String error) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
        assertThat(answer.body().get("error").asText()).isEqualTo(error);
    }

    private static void put(String bucket, String key, String requestId, String eventTime) {
        String body = new String(Ledger.fixtureInBucket("01-put-with-metadata.json", bucket), StandardCharsets.UTF_8)
                .replace("docs/hello.txt", key)
                .replaceAll("\"eventTime\":\"[^\"]+\"", "\"eventTime\":\"" + eventTime + "\"")
                .replaceAll("\"x-amz-request-id\":\"[^\"]+\"", "\"x-amz-request-id\":\"" + requestId + "\"");
        assertThat(ledger.push(body.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
    }

    private static void awaitCount(String filters, long expected) {
        await().atMost(DEADLINE).until(() -> count(filters) == expected);
    }

    private static long count(String filters) {
        return get("/api/audit/entries/count?" + filters).body().get("count").asLong();
    }

    private static List<JsonNode> entries(String filters) {
        Ledger.Answer answer = get("/api/audit/entries?limit=1000&" + filters);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        answer.body().get("entries").forEach(entries::add);
        return entries;
    }

    private static List<String> types(String filters) {
        return entries(filters).stream().map(entry -> entry.get("eventType").asText()).toList();
    }

    private static List<String> keys(String filters) {
        return entries(filters).stream().map(entry -> entry.get("key").asText()).toList();
    }

    private static Ledger.Answer get(String path) {
        return ledger.get(settings.baseUrl("audit") + path, "auditor");
    }

    private static Ledger.Answer get(String path, String token) {
        return ledger.send(HttpRequest.newBuilder(URI.create(settings.baseUrl("audit") + path))
                .header("Authorization", "Bearer " + token).GET());
    }

    private static HttpResponse<String> export(String format) throws IOException, InterruptedException {
        return send("/api/audit/entries/export?format=" + format + "&bucket=" + bucket, ledger.token("auditor"));
    }

    private static HttpResponse<String> send(String path, String token) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(settings.baseUrl("audit") + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
