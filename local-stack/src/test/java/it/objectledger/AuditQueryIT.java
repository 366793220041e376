package it.objectledger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.objectledger.stack.StackSettings;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The audit trail across objects, queried through the running stack after notifications went the
 * whole way from the push endpoint: each filter on its own and combined, the trail's order, a count
 * equal to what the pages hold, pages that neither miss nor repeat an entry while new ones arrive,
 * NDJSON and CSV exports equal to the query, a tenant's auditor seeing only its tenant's buckets,
 * bad input answered 400, and the queries in the record of reads.
 *
 * <p>The trail is shared with every other test and every earlier run, so each assertion is about
 * this class's fresh buckets, or uses values (principals, request and version ids, key prefixes,
 * a far-future stretch of event time) that only this run's notifications carry.
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class AuditQueryIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final String CREATED = "io.objectledger.object.created.v1";
    private static final String REMOVED = "io.objectledger.object.removed.v1";
    private static final String PUT = "01-put-with-metadata.json";
    private static final String VERSIONED_PUT = "15-versioned-put-v1.json";
    private static final String DELETE = "11-delete-object.json";
    private static final List<String> FIELDS = List.of("position", "eventId", "bucket", "key", "objectId", "versionId",
            "sequence", "eventType", "eventName", "eventTime", "receivedAt", "recordedAt", "principalId", "ownerId",
            "sourceIp", "requestId", "gatewayId", "previousHash", "entryHash", "hashFormat", "leafHash", "payloadSalt", "event");
    private static final int BULK_ENTRIES = 300;

    private final StackSettings settings = LocalStackExtension.settings();
    private final Ledger ledger = new Ledger();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String root = "aq-" + run + "/";
    private final String main = Ledger.freshBucket("aq-main");
    private final String other = Ledger.freshBucket("aq-other");
    private final String alice = "aq-alice-" + run;
    private final String bob = "aq-bob-" + run;
    /** Who made the bulk and paging notifications, so that they stay out of alice's and bob's entries. */
    private final String carol = "aq-carol-" + run;
    private final String versionA = "aq-" + run + "-version-a";
    private final String versionB = "aq-" + run + "-version-b";
    /** Somewhere in 2100 to 2190, so that no other run's notifications happened in the hours this one uses. */
    private final Instant base = Instant.parse("2100-01-01T00:00:00Z")
            .plusSeconds(ThreadLocalRandom.current().nextLong(0, 90L * 365 * 24 * 3600));

    private String everyone;
    /** When the trail stored the first of the second batch (requests 8 and 9); the first batch was stored before. */
    private Instant secondBatchRecorded;
    private Instant secondBatchLastRecorded;
    private String bulk;

    /**
     * Requests 1 to 7 in {@code main}, one look-alike in {@code other}, and once those are stored,
     * requests 8 and 9 in {@code main}:
     * <pre>
     *  1 put    docs/1.txt     alice  +1h       |  o put docs/1.txt in other, alice, +2h30
     *  2 put    docs/2.txt     alice  +2h       |
     *  3 put    docs/3.txt     bob    +3h       |  8 put img/2.png   alice  +8h
     *  4 put    img/1.png      bob    +4h       |  9 put docs/4.txt  bob    +9h
     *  5 put    versions/a.txt alice  +5h  version a
     *  6 put    versions/b.txt bob    +6h  version b
     *  7 delete docs/2.txt     alice  +7h
     * </pre>
     */
    @BeforeAll
    void twoBatchesOfChangesByTwoPrincipalsInTwoBuckets() {
        everyone = ledger.token("auditor");
        push(new Change(PUT, main, root + "docs/1.txt", alice, request(1), hours(1), null));
        push(new Change(PUT, main, root + "docs/2.txt", alice, request(2), hours(2), null));
        push(new Change(PUT, main, root + "docs/3.txt", bob, request(3), hours(3), null));
        push(new Change(PUT, main, root + "img/1.png", bob, request(4), hours(4), null));
        push(new Change(VERSIONED_PUT, main, root + "versions/a.txt", alice, request(5), hours(5), versionA));
        push(new Change(VERSIONED_PUT, main, root + "versions/b.txt", bob, request(6), hours(6), versionB));
        push(new Change(PUT, other, root + "docs/1.txt", alice, request(0), hours(2).plusSeconds(1800), null));
        awaitCount(query("bucket", main), 6);
        push(new Change(DELETE, main, root + "docs/2.txt", alice, request(7), hours(7), null));
        awaitCount(query("bucket", main), 7);
        awaitCount(query("bucket", other), 1);

        push(new Change(PUT, main, root + "img/2.png", alice, request(8), hours(8), null));
        push(new Change(PUT, main, root + "docs/4.txt", bob, request(9), hours(9), null));
        awaitCount(query("bucket", main), 9);
        List<Instant> secondBatch = entries(query("bucket", main)).stream()
                .filter(entry -> List.of(request(8), request(9)).contains(entry.get("requestId").asText()))
                .map(entry -> Instant.parse(entry.get("recordedAt").asText())).sorted().toList();
        secondBatchRecorded = secondBatch.get(0);
        secondBatchLastRecorded = secondBatch.get(1);
    }

    @Test
    public void theBucketFilterFindsExactlyThatBucketsEntries() {
        List<JsonNode> inMain = entries(query("bucket", main));

        assertThat(requestIds(inMain)).containsExactlyInAnyOrder(requests(1, 2, 3, 4, 5, 6, 7, 8, 9));
        assertThat(inMain).allSatisfy(entry -> {
            assertThat(entry.get("bucket").asText()).isEqualTo(main);
            assertThat(fieldNames(entry)).containsExactlyInAnyOrderElementsOf(FIELDS);
            assertThat(entry.get("event").isObject()).isTrue();
        });
        assertThat(requestIds(entries(query("bucket", other)))).containsExactly(request(0));
        assertThat(entries(query("bucket", Ledger.freshBucket("aq-never-written")))).isEmpty();
        assertThat(count(query("bucket", Ledger.freshBucket("aq-never-written")))).isZero();
    }

    @Test
    public void thePrefixFilterAloneFindsTheKeysUnderItInEveryBucket() {
        List<JsonNode> docs = entries(query("prefix", root + "docs/"));

        assertThat(requestIds(docs)).containsExactlyInAnyOrder(requests(1, 2, 3, 7, 9, 0));
        assertThat(docs).allSatisfy(entry -> assertThat(entry.get("key").asText()).startsWith(root + "docs/"));
        assertThat(requestIds(entries(query("prefix", root + "img/")))).containsExactlyInAnyOrder(requests(4, 8));
        assertThat(entries(query("prefix", root + "docs/2"))).extracting(entry -> entry.get("eventType").asText())
                .as("one object's history in its order").containsExactly(CREATED, REMOVED);
        assertThat(entries(query("prefix", root + "nothing/"))).isEmpty();
    }

    @Test
    public void thePrincipalFilterAloneFindsWhatThatPrincipalDid() {
        List<JsonNode> byAlice = entries(query("principal", alice));
        List<JsonNode> byBob = entries(query("principal", bob));

        assertThat(requestIds(byAlice)).containsExactlyInAnyOrder(requests(1, 2, 5, 7, 8, 0));
        assertThat(byAlice).allSatisfy(entry -> assertThat(entry.get("principalId").asText()).isEqualTo(alice));
        assertThat(requestIds(byBob)).containsExactlyInAnyOrder(requests(3, 4, 6, 9));
        assertThat(byBob).allSatisfy(entry -> assertThat(entry.get("principalId").asText()).isEqualTo(bob));
        assertThat(entries(query("principal", "aq-nobody-" + run))).isEmpty();
    }

    @Test
    public void theTypeFilterFindsThatTypeAndARepeatedTypeFindsAnyOfThem() {
        List<JsonNode> removed = entries(query("bucket", main, "type", REMOVED));
        List<JsonNode> created = entries(query("bucket", main, "type", CREATED));

        assertThat(requestIds(removed)).containsExactly(request(7));
        assertThat(removed.get(0).get("eventName").asText()).isEqualTo("ObjectRemoved:Delete");
        assertThat(requestIds(created)).containsExactlyInAnyOrder(requests(1, 2, 3, 4, 5, 6, 8, 9));
        assertThat(created).allSatisfy(entry -> assertThat(entry.get("eventType").asText()).isEqualTo(CREATED));
        assertThat(requestIds(entries(query("bucket", main, "type", CREATED, "type", REMOVED))))
                .containsExactlyInAnyOrder(requests(1, 2, 3, 4, 5, 6, 7, 8, 9));
        assertThat(entries(query("bucket", main, "type", "io.objectledger.object.unheard-of.v1"))).isEmpty();
    }

    @Test
    public void theRequestIdFilterAloneFindsThatRequest() {
        List<JsonNode> third = entries(query("requestId", request(3)));
        List<JsonNode> removal = entries(query("requestId", request(7)));

        assertThat(third).hasSize(1);
        assertThat(third.get(0).get("key").asText()).isEqualTo(root + "docs/3.txt");
        assertThat(third.get(0).get("principalId").asText()).isEqualTo(bob);
        assertThat(third.get(0).get("requestId").asText()).isEqualTo(request(3));
        assertThat(removal).extracting(entry -> entry.get("eventType").asText()).containsExactly(REMOVED);
        assertThat(entries(query("requestId", request(99)))).isEmpty();
    }

    @Test
    public void theVersionIdFilterAloneFindsThatVersion() {
        List<JsonNode> a = entries(query("versionId", versionA));

        assertThat(requestIds(a)).containsExactly(request(5));
        assertThat(a.get(0).get("versionId").asText()).isEqualTo(versionA);
        assertThat(a.get(0).get("key").asText()).isEqualTo(root + "versions/a.txt");
        assertThat(requestIds(entries(query("versionId", versionB)))).containsExactly(request(6));
        assertThat(entries(query("versionId", "aq-" + run + "-version-c"))).isEmpty();
    }

    @Test
    public void theEventTimeRangeAloneIsFromInclusiveToExclusive() {
        List<JsonNode> middle = entries(query("eventTimeFrom", hours(2).toString(), "eventTimeTo", hours(5).toString()));

        assertThat(requestIds(middle)).containsExactlyInAnyOrder(requests(2, 3, 0, 4));
        assertThat(middle).allSatisfy(entry -> assertThat(Instant.parse(entry.get("eventTime").asText()))
                .isAfterOrEqualTo(hours(2)).isBefore(hours(5)));
        assertThat(requestIds(entries(query("eventTimeFrom", hours(7).toString(), "eventTimeTo", hours(9).toString()))))
                .containsExactlyInAnyOrder(requests(7, 8));
        assertThat(entries(query("eventTimeFrom", hours(10).toString(), "eventTimeTo", hours(20).toString()))).isEmpty();
    }

    @Test
    public void theRecordedTimeRangeFindsWhatTheTrailStoredThenFromInclusiveToExclusive() {
        String from = secondBatchRecorded.toString();
        String justAfterLast = secondBatchLastRecorded.plusNanos(1000).toString();

        // Alone the range matches whatever else the trail stored then; of this class's buckets, only the second batch.
        List<JsonNode> window = entries(query("recordedFrom", from, "recordedTo", justAfterLast));
        assertThat(window).allSatisfy(entry -> assertThat(Instant.parse(entry.get("recordedAt").asText()))
                .isAfterOrEqualTo(secondBatchRecorded).isBefore(Instant.parse(justAfterLast)));
        assertThat(requestIds(window.stream().filter(this::ours).toList())).containsExactlyInAnyOrder(requests(8, 9));

        assertThat(requestIds(entries(query("bucket", main, "recordedFrom", from))))
                .containsExactlyInAnyOrder(requests(8, 9));
        assertThat(requestIds(entries(query("bucket", main, "recordedTo", from))))
                .containsExactlyInAnyOrder(requests(1, 2, 3, 4, 5, 6, 7));
    }

    @Test
    public void combinedFiltersFindOnlyTheEntriesThatMatchThemAll() {
        String[] docsCreatedByAliceEarly = {"prefix", root + "docs/", "principal", alice, "type", CREATED,
                "eventTimeFrom", hours(1).toString(), "eventTimeTo", hours(3).toString()};
        String inMain = query(concat(new String[] {"bucket", main}, docsCreatedByAliceEarly));

        assertThat(requestIds(entries(inMain))).containsExactlyInAnyOrder(requests(1, 2));
        assertThat(count(inMain)).isEqualTo(2);
        assertThat(requestIds(entries(query(docsCreatedByAliceEarly)))).containsExactlyInAnyOrder(requests(1, 2, 0));
        assertThat(requestIds(entries(query("bucket", main, "prefix", root + "docs/", "type", REMOVED))))
                .containsExactly(request(7));
        assertThat(entries(query("bucket", main, "principal", bob, "type", REMOVED))).isEmpty();
        assertThat(entries(query("bucket", other, "principal", alice, "versionId", versionA))).isEmpty();
    }

    @Test
    public void entriesComeInAscendingDistinctPositionsAndTheTrailHasNoGaps() {
        List<Long> positions = positions(entries(query("bucket", main)));

        assertThat(positions).hasSize(9).doesNotHaveDuplicates().isSorted();
        long first = positions.get(0);
        // Unfiltered, an all-tenants auditor sees every position: nine from the first of main's are consecutive.
        JsonNode page = call("/api/audit/entries?" + query("after", Long.toString(first - 1), "limit", "9"), everyone)
                .body();
        assertThat(positions(list(page.get("entries")))).containsExactly(
                Stream.iterate(first, position -> position + 1).limit(9).toArray(Long[]::new));
        assertThat(page.get("nextAfter").asLong()).isEqualTo(first + 8);
    }

    @Test
    public void theCountIsWhatThePagesHold() {
        for (String filters : List.of(query("bucket", main), query("prefix", root), query("principal", alice),
                query("bucket", main, "type", REMOVED), query("bucket", Ledger.freshBucket("aq-empty")))) {
            List<String> paged = eventIds(pages(filters, 2, everyone));

            assertThat(paged).as(filters).doesNotHaveDuplicates().isEqualTo(eventIds(entries(filters)));
            assertThat(count(filters)).as(filters).isEqualTo(paged.size());
        }
        assertThat(count(query("bucket", main))).isEqualTo(9);
        assertThat(count(query("prefix", root))).isEqualTo(10);
    }

    @Test
    public void pagesNeitherMissNorRepeatAnEntryWhileNewNotificationsArrive() {
        String growing = Ledger.freshBucket("aq-pages");
        int pushed = 0;
        while (pushed < 7) {
            pushPage(growing, pushed++);
        }
        awaitCount(query("bucket", growing), pushed);

        List<JsonNode> seen = new ArrayList<>();
        long after = 0;
        int pages = 0;
        while (true) {
            JsonNode page = call("/api/audit/entries?" + query("bucket", growing, "limit", "3", "after",
                    Long.toString(after)), everyone).body();
            List<JsonNode> entries = list(page.get("entries"));
            seen.addAll(entries);
            pages++;
            if (!page.has("nextAfter")) {
                assertThat(entries).hasSizeLessThan(3);
                break;
            }
            assertThat(entries).hasSize(3);
            after = page.get("nextAfter").asLong();
            assertThat(after).isEqualTo(entries.get(2).get("position").asLong());
            if (pages <= 3) {
                pushPage(growing, pushed++);
                pushPage(growing, pushed++);
                awaitCount(query("bucket", growing), pushed);
            }
        }

        List<JsonNode> all = entries(query("bucket", growing));
        assertThat(pushed).isEqualTo(13);
        assertThat(pages).isGreaterThanOrEqualTo(5);
        assertThat(eventIds(seen)).doesNotHaveDuplicates().hasSize(pushed).isEqualTo(eventIds(all));
        assertThat(positions(seen)).isSorted();
        assertThat(count(query("bucket", growing))).isEqualTo(pushed);
        assertThat(seen).extracting(entry -> entry.get("key").asText())
                .containsExactlyInAnyOrder(Stream.iterate(0, i -> i + 1).limit(pushed).map(i -> "page/" + i)
                        .toArray(String[]::new));
    }

    @Test
    public void theNdjsonExportHoldsTheQuerysEntriesInItsOrder() {
        String bucket = bulk();
        List<JsonNode> query = pages(query("bucket", bucket), 100, everyone);
        assertThat(query).hasSize(BULK_ENTRIES + 1);

        HttpResponse<String> export = download(query("bucket", bucket, "format", "ndjson"), everyone);

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/x-ndjson"));
        assertThat(export.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
                assertThat(disposition).matches("attachment; filename=\"audit-trail-[^\"/\\\\]+\\.ndjson\""));
        assertThat(export.body()).endsWith("\n");
        List<JsonNode> lines = ndjson(export.body());
        assertThat(identities(lines)).isEqualTo(identities(query));
        assertThat(lines).isEqualTo(query);

        String filters = query("bucket", bucket, "prefix", "bulk/1");
        assertThat(ndjson(download(filters + "&format=ndjson", everyone).body())).hasSize(111)
                .isEqualTo(entries(filters));
        assertThat(ndjson(download(query("bucket", bucket), everyone).body())).as("NDJSON is the default format")
                .isEqualTo(query);
    }

    @Test
    public void theCsvExportHoldsTheQuerysEntriesInItsOrder() throws IOException {
        String bucket = bulk();
        List<JsonNode> query = entries(query("bucket", bucket));
        assertThat(query).hasSize(BULK_ENTRIES + 1);

        HttpResponse<String> export = download(query("bucket", bucket, "format", "csv"), everyone);

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/csv"));
        assertThat(export.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
                assertThat(disposition).matches("attachment; filename=\"audit-trail-[^\"/\\\\]+\\.csv\""));
        String body = export.body();
        assertThat(body).startsWith(String.join(",", FIELDS) + "\r\n").endsWith("\r\n");
        assertThat(body.replace("\r\n", "")).as("every line ends in CRLF").doesNotContain("\n").doesNotContain("\r");
        List<CSVRecord> rows = csv(body);
        assertThat(rows).hasSameSizeAs(query);
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            JsonNode entry = query.get(i);
            for (String field : FIELDS.subList(0, FIELDS.size() - 1)) {
                assertThat(row.get(field)).as("row %d, %s", i, field).isEqualTo(entry.get(field).asText());
            }
            assertThat(json.readTree(row.get("event"))).as("row %d, event", i).isEqualTo(entry.get("event"));
        }
        assertThat(rows).extracting(row -> row.get("key")).contains("bulk/with, \"quotes\" ü.txt");

        String filters = query("bucket", bucket, "prefix", "bulk/2");
        assertThat(csv(download(filters + "&format=csv", everyone).body()))
                .extracting(row -> row.get("position") + " " + row.get("eventId") + " " + row.get("entryHash"))
                .hasSize(111).isEqualTo(identities(entries(filters)));
    }

    @Test
    public void aTenantsAuditorSeesOnlyItsTenantsBuckets() throws IOException {
        String tenant = "aq" + run;
        String shared = Ledger.freshBucket("aq-shared");
        String second = Ledger.freshBucket("aq-second");
        assertThat(ledger.push(Ledger.tenantFixture(tenant, shared)).status()).isEqualTo(200);
        assertThat(ledger.push(Ledger.tenantFixture(tenant, second)).status()).isEqualTo(200);
        assertThat(ledger.push(Ledger.tenantFixture("", shared)).status()).isEqualTo(200);
        awaitCount(query("bucket", tenant + ":" + shared), 1);
        awaitCount(query("bucket", tenant + ":" + second), 1);
        awaitCount(query("bucket", shared), 1);
        String tenants = ledger.issuer().token("it-aq-tenant-auditor", List.of("auditor"), List.of(tenant));
        String defaultTenant = ledger.issuer().token("it-aq-default-auditor", List.of("auditor"), List.of(""));

        List<JsonNode> own = pages(query("bucket", tenant + ":" + shared), 1000, tenants);
        assertThat(own).extracting(entry -> entry.get("bucket").asText()).containsExactly(tenant + ":" + shared);
        assertThat(own.get(0).get("key").asText()).isEqualTo(Ledger.TENANT_FIXTURE_KEY);

        assertThat(pages(query("bucket", shared), 1000, tenants)).as("the default tenant's bucket of that name").isEmpty();
        assertThat(call("/api/audit/entries/count?" + query("bucket", shared), tenants).body().get("count").asLong())
                .isZero();
        HttpResponse<String> ndjson = download(query("bucket", shared, "format", "ndjson"), tenants);
        HttpResponse<String> table = download(query("bucket", shared, "format", "csv"), tenants);
        assertThat(ndjson.statusCode()).isEqualTo(200);
        assertThat(ndjson.body()).isEmpty();
        assertThat(table.statusCode()).isEqualTo(200);
        assertThat(table.body()).startsWith(String.join(",", FIELDS));
        assertThat(csv(table.body())).isEmpty();

        List<JsonNode> everything = pages("", 1000, tenants);
        assertThat(everything).extracting(entry -> entry.get("bucket").asText())
                .containsExactlyInAnyOrder(tenant + ":" + shared, tenant + ":" + second)
                .allSatisfy(name -> assertThat(name).startsWith(tenant + ":"));
        assertThat(call("/api/audit/entries/count", tenants).body().get("count").asLong()).isEqualTo(2);
        assertThat(ndjson(download("format=ndjson", tenants).body())).isEqualTo(everything);

        assertThat(pages(query("bucket", shared), 1000, everyone)).as("an all-tenants auditor sees it").hasSize(1);
        assertThat(pages(query("bucket", shared), 1000, defaultTenant)).hasSize(1);
        assertThat(pages(query("bucket", tenant + ":" + shared), 1000, defaultTenant)).isEmpty();
    }

    @Test
    public void badInputIsAnswered400WithItsProblem() {
        String never = "bucket=" + Ledger.freshBucket("aq-bad");

        problem("/api/audit/entries?" + never + "&eventTimeFrom=yesterday", "invalid-time");
        problem("/api/audit/entries?" + never + "&eventTimeTo=2030-01-01", "invalid-time");
        problem("/api/audit/entries?" + never + "&recordedFrom=2030-01-01T25:00:00Z", "invalid-time");
        problem("/api/audit/entries/count?" + never + "&recordedTo=2030-13-01T00:00:00Z", "invalid-time");
        problem("/api/audit/entries/export?" + never + "&eventTimeFrom=now", "invalid-time");
        problem("/api/audit/entries?" + never + "&limit=0", "invalid-limit");
        problem("/api/audit/entries?" + never + "&limit=1001", "invalid-limit");
        problem("/api/audit/entries?" + never + "&limit=-3", "invalid-limit");
        problem("/api/audit/entries?" + never + "&after=-1", "invalid-position");
        problem("/api/audit/entries/export?" + never + "&format=xml", "invalid-format");
        problem("/api/audit/entries/export?" + never + "&format=json", "invalid-format");

        for (String fine : List.of("/api/audit/entries?" + never + "&limit=1", "/api/audit/entries?" + never
                + "&limit=1000&after=0", "/api/audit/entries/count?" + never + "&eventTimeFrom=2030-01-01T00:00:00Z")) {
            assertThat(call(fine, everyone).status()).as(fine).isEqualTo(200);
        }
    }

    @Test
    public void theQueriesAreInTheRecordOfReadsWithTheirParameters() {
        String subject = "it-aq-reader-" + run;
        String token = ledger.issuer().token(subject, List.of("auditor"), List.of("*"));
        Instant before = Instant.now().minusSeconds(1);

        assertThat(call("/api/audit/entries?" + query("bucket", main, "prefix", root, "type", CREATED, "type", REMOVED,
                "limit", "5"), token).status()).isEqualTo(200);
        assertThat(call("/api/audit/entries/count?" + query("bucket", main, "principal", alice), token).status())
                .isEqualTo(200);
        assertThat(download(query("bucket", main, "format", "csv"), token).statusCode()).isEqualTo(200);
        List<JsonNode> reads = list(call("/api/audit/reads?" + query("subject", subject), token).body().get("reads"));

        assertThat(reads).extracting(read -> read.get("operation").asText())
                .containsExactly("reads", "export", "count", "entries");
        JsonNode entries = reads.get(3);
        Map<String, String> parameters = parameters(entries);
        assertThat(entries.get("subject").asText()).isEqualTo(subject);
        assertThat(parameters).containsOnlyKeys("bucket", "prefix", "type", "limit")
                .containsEntry("bucket", main).containsEntry("prefix", root).containsEntry("limit", "5");
        assertThat(parameters.get("type")).contains(CREATED).contains(REMOVED);
        assertThat(entries.get("grantedTenants").asText()).isEqualTo("*");
        assertThat(Instant.parse(entries.get("readAt").asText())).isAfter(before).isBefore(Instant.now().plusSeconds(1));
        assertThat(parameters(reads.get(2))).isEqualTo(Map.of("bucket", main, "principal", alice));
        assertThat(parameters(reads.get(1))).isEqualTo(Map.of("bucket", main, "format", "csv"));
    }

    /** One notification: a captured payload with its bucket, key, requester, request id, time and version replaced. */
    private record Change(String fixture, String bucket, String key, String principal, String requestId,
                          Instant eventTime, String versionId) {

        byte[] body() {
            String body = new String(Ledger.fixtureInBucket(fixture, bucket, key), StandardCharsets.UTF_8);
            body = replace(body, "\"userIdentity\":\\{\"principalId\":\"[^\"]*\"\\}",
                    "\"userIdentity\":{\"principalId\":\"" + principal + "\"}");
            body = replace(body, "\"x-amz-request-id\":\"[^\"]*\"", "\"x-amz-request-id\":\"" + requestId + "\"");
            body = replace(body, "\"eventTime\":\"[^\"]*\"", "\"eventTime\":\"" + eventTime + "\"");
            if (versionId != null) {
                body = replace(body, "\"versionId\":\"[^\"]*\"", "\"versionId\":\"" + versionId + "\"");
            }
            return body.getBytes(StandardCharsets.UTF_8);
        }

        private static String replace(String body, String field, String value) {
            String replaced = body.replaceAll(field, Matcher.quoteReplacement(value));
            assertThat(replaced).as("the fixture has " + field).contains(value);
            return replaced;
        }
    }

    /** A bucket of a few hundred puts, a key needing CSV quoting among them, pushed once for both export tests. */
    private synchronized String bulk() {
        if (bulk == null) {
            String bucket = Ledger.freshBucket("aq-bulk");
            for (int i = 0; i < BULK_ENTRIES; i++) {
                push(new Change(PUT, bucket, "bulk/" + i + ".txt", carol, request(1000 + i),
                        hours(100).plusSeconds(i), null));
            }
            push(new Change(PUT, bucket, "bulk/with, \"quotes\" ü.txt", carol, request(2000), hours(101), null));
            await().atMost(Duration.ofMinutes(3)).until(() -> count(query("bucket", bucket)) == BULK_ENTRIES + 1);
            bulk = bucket;
        }
        return bulk;
    }

    private void pushPage(String bucket, int i) {
        push(new Change(PUT, bucket, "page/" + i, carol, request(500 + i), hours(50).plusSeconds(i), null));
    }

    private void push(Change change) {
        Ledger.Answer answer = ledger.push(change.body());
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    }

    private String request(int n) {
        return "aq-" + run + "-request-" + n;
    }

    private String[] requests(int... ns) {
        return Arrays.stream(ns).mapToObj(this::request).toArray(String[]::new);
    }

    private Instant hours(int n) {
        return base.plus(Duration.ofHours(n));
    }

    /** Whether an entry is of one of this class's fixed buckets. */
    private boolean ours(JsonNode entry) {
        return List.of(main, other).contains(entry.get("bucket").asText());
    }

    private void awaitCount(String filters, long expected) {
        await().atMost(DEADLINE).until(() -> count(filters) == expected);
    }

    private long count(String filters) {
        Ledger.Answer answer = call("/api/audit/entries/count?" + filters, everyone);
        return answer.status() == 200 ? answer.body().get("count").asLong() : -1;
    }

    /** Every entry the filters match, for an all-tenants auditor. */
    private List<JsonNode> entries(String filters) {
        return pages(filters, 1000, everyone);
    }

    /**
     * Every entry the filters match, page after page of {@code limit}, each page checked: no more
     * than the limit, a {@code nextAfter} on every full page (the last entry's position) and on no
     * other, and positions rising from page to page.
     */
    private List<JsonNode> pages(String filters, int limit, String token) {
        List<JsonNode> all = new ArrayList<>();
        long after = 0;
        while (true) {
            String path = "/api/audit/entries?" + (filters.isEmpty() ? "" : filters + "&") + "limit=" + limit
                    + "&after=" + after;
            Ledger.Answer answer = call(path, token);
            assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
            List<JsonNode> page = list(answer.body().get("entries"));
            assertThat(page).hasSizeLessThanOrEqualTo(limit);
            all.addAll(page);
            if (page.size() < limit) {
                assertThat(answer.body().has("nextAfter")).as(path + ": a page that is not full").isFalse();
                break;
            }
            after = answer.body().get("nextAfter").asLong();
            assertThat(after).isEqualTo(page.get(page.size() - 1).get("position").asLong());
        }
        List<Long> positions = positions(all);
        assertThat(positions).as(filters).isSorted().doesNotHaveDuplicates();
        return all;
    }

    private Ledger.Answer call(String path, String token) {
        return ledger.send(HttpRequest.newBuilder(URI.create(settings.baseUrl("audit") + path))
                .header("Authorization", "Bearer " + token).GET());
    }

    private HttpResponse<String> download(String filters, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.baseUrl("audit")
                        + "/api/audit/entries/export?" + filters))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void problem(String path, String error) {
        Ledger.Answer answer = call(path, everyone);
        assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(400);
        assertThat(answer.body().path("error").asText()).as(path).isEqualTo(error);
        assertThat(answer.body().path("message").asText()).as(path).isNotBlank();
    }

    /** The entries of an NDJSON body: one JSON object per line, each line ended by a newline. */
    private List<JsonNode> ndjson(String body) {
        List<JsonNode> lines = new ArrayList<>();
        if (body.isEmpty()) {
            return lines;
        }
        assertThat(body).endsWith("\n");
        for (String line : body.substring(0, body.length() - 1).split("\n", -1)) {
            try {
                JsonNode entry = json.readTree(line);
                assertThat(entry.isObject()).as("a JSON object: " + line).isTrue();
                lines.add(entry);
            } catch (IOException e) {
                throw new UncheckedIOException("not a JSON line: " + line, e);
            }
        }
        return lines;
    }

    private static List<CSVRecord> csv(String body) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(body)).getRecords();
    }

    private Map<String, String> parameters(JsonNode read) {
        return json.convertValue(read.get("parameters"), new TypeReference<Map<String, String>>() { });
    }

    /** name=value&... with each value URL-encoded (a tenant's colon too). */
    private static String query(String... namesAndValues) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            pairs.add(namesAndValues[i] + "="
                    + URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return String.join("&", pairs);
    }

    private static String[] concat(String[] first, String[] second) {
        return Stream.concat(Arrays.stream(first), Arrays.stream(second)).toArray(String[]::new);
    }

    private static List<JsonNode> list(JsonNode array) {
        assertThat(array).as("an array of entries").isNotNull();
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    private static List<String> fieldNames(JsonNode entry) {
        List<String> names = new ArrayList<>();
        entry.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> requestIds(List<JsonNode> entries) {
        return entries.stream().map(entry -> entry.get("requestId").asText()).toList();
    }

    private static List<String> eventIds(List<JsonNode> entries) {
        return entries.stream().map(entry -> entry.get("eventId").asText()).toList();
    }

    private static List<Long> positions(List<JsonNode> entries) {
        return entries.stream().map(entry -> entry.get("position").asLong()).toList();
    }

    /** Position, event id and entry hash: what an export must hold of each entry, in order. */
    private static List<String> identities(List<JsonNode> entries) {
        return entries.stream().map(entry -> entry.get("position").asText() + " " + entry.get("eventId").asText() + " "
                + entry.get("entryHash").asText()).collect(Collectors.toList());
    }
}
