package it.objectledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.objectledger.stack.StackSettings;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
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
 * 100,000 entries of one bucket, written through RGW's Kafka door and the whole pipeline: the
 * NDJSON and the CSV export each hold exactly the entries the paged query answers, in its order,
 * read as the answer streams.
 */
@ExtendWith(LocalStackExtension.class)
public class LargeExportIT {

    private static final int ENTRIES = 100_000;
    private static final int RECORDS_PER_BODY = 100;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Ledger ledger;
    private static StackSettings settings;
    private static String bucket;

    @BeforeAll
    static void oneHundredThousandPuts() throws Exception {
        ledger = new Ledger();
        settings = LocalStackExtension.settings();
        bucket = Ledger.freshBucket("large-export");
        String put = new String(Ledger.fixtureInBucket("01-put-with-metadata.json", bucket), StandardCharsets.UTF_8);
        String record = put.substring(put.indexOf('[') + 1, put.lastIndexOf(']'));
        List<byte[]> bodies = new ArrayList<>();
        for (int body = 0; body < ENTRIES / RECORDS_PER_BODY; body++) {
            List<String> records = new ArrayList<>();
            for (int i = 0; i < RECORDS_PER_BODY; i++) {
                records.add(record.replace("docs/hello.txt", "bulk/" + (body * RECORDS_PER_BODY + i) + ".txt"));
            }
            bodies.add(("{\"Records\":[" + String.join(",", records) + "]}").getBytes(StandardCharsets.UTF_8));
        }
        try (KafkaTopics topics = new KafkaTopics()) {
            topics.produceAll("rgw-notifications", bodies);
        }
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2)).until(() -> count() == ENTRIES);
    }

    @Test
    public void theNdjsonExportHoldsTheQuerysEntries() throws IOException, InterruptedException {
        List<String> query = queried();
        List<String> exported = new ArrayList<>(ENTRIES);

        HttpResponse<InputStream> answer = export("ndjson");
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(answer.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                exported.add(identity(JSON.readTree(line)));
            }
        }

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(exported).hasSize(ENTRIES).isEqualTo(query);
    }

    @Test
    public void theCsvExportHoldsTheQuerysEntries() throws IOException, InterruptedException {
        List<String> query = queried();
        List<String> exported = new ArrayList<>(ENTRIES);

        HttpResponse<InputStream> answer = export("csv");
        try (CSVParser rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new InputStreamReader(answer.body(), StandardCharsets.UTF_8))) {
            for (CSVRecord row : rows) {
                exported.add(row.get("position") + " " + row.get("eventId") + " " + row.get("key") + " "
                        + row.get("entryHash"));
            }
        }

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(exported).hasSize(ENTRIES).isEqualTo(query);
    }

    /** The bucket's entries as the query pages through them, a thousand at a time. */
    private static List<String> queried() {
        List<String> entries = new ArrayList<>(ENTRIES);
        String after = "0";
        while (after != null) {
            JsonNode page = ledger.get(settings.baseUrl("audit") + "/api/audit/entries?limit=1000&bucket=" + bucket
                    + "&after=" + after, "auditor").body();
            page.get("entries").forEach(entry -> entries.add(identity(entry)));
            after = page.hasNonNull("nextAfter") ? page.get("nextAfter").asText() : null;
        }
        return entries;
    }

    private static String identity(JsonNode entry) {
        return entry.get("position").asText() + " " + entry.get("eventId").asText() + " " + entry.get("key").asText()
                + " " + entry.get("entryHash").asText();
    }

    private static long count() {
        return ledger.get(settings.baseUrl("audit") + "/api/audit/entries/count?bucket=" + bucket, "auditor")
                .body().path("count").asLong();
    }

    private static HttpResponse<InputStream> export(String format) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(settings.baseUrl("audit")
                        + "/api/audit/entries/export?format=" + format + "&bucket=" + bucket))
                .header("Authorization", "Bearer " + ledger.token("auditor")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }
}
