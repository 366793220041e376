package io.objectledger.bench;

import io.objectledger.bench.measure.Latencies;
import io.objectledger.stack.StackSettings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The audit trail's queries across objects on what the run stored: an export of the whole trail
 * as NDJSON and as CSV (entries/s, as an auditor's client reads them), and pages of one bucket
 * in a gateway-time window (latency percentiles).
 */
final class TrailQueryRun {

    private static final int PAGES = 300;
    private static final String PAGED_BUCKET = "bench-logs";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;
    private final String authorization;
    private final BenchReport report;

    TrailQueryRun(StackSettings settings, BenchReport report) throws IOException {
        this.base = settings.baseUrl("audit") + "/api/audit/entries";
        this.authorization = "Bearer " + Files.readString(settings.tokenDirectory().resolve("auditor.jwt")).trim();
        this.report = report;
    }

    void run() throws IOException, InterruptedException {
        long size = trailSize();
        report.heading("Audit trail across objects: export and pages");
        report.row("export", "entries", "seconds", "entries/s", "MiB/s");
        report.row("---", "---", "---", "---", "---");
        for (String format : List.of("ndjson", "csv")) {
            export(format, size);
        }
        report.line("");
        pages(size);
    }

    private long trailSize() throws IOException, InterruptedException {
        return Long.parseLong(http.send(request(base + "/count"), HttpResponse.BodyHandlers.ofString()).body()
                .replaceAll("\\D", ""));
    }

    private void export(String format, long size) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<InputStream> answer = http.send(request(base + "/export?format=" + format),
                HttpResponse.BodyHandlers.ofInputStream());
        long lines = 0;
        long bytes = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(answer.body(), StandardCharsets.UTF_8),
                1 << 16)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines++;
                bytes += line.length() + 1;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // CSV has a header row; a CSV field holding a line break would count twice, and the events' JSON holds none.
        long entries = format.equals("csv") ? lines - 1 : lines;
        String complete = entries == size ? "" : " INCOMPLETE: the trail holds " + size;
        report.row(format + " (" + answer.statusCode() + ")", entries + complete, String.format("%.1f", seconds),
                String.format("%,.0f", entries / seconds), String.format("%.1f", bytes / seconds / (1 << 20)));
    }

    /**
     * Pages of 100 of one bucket in a random tenth of the gateway time between the trail's first
     * and last entries (positions are dense, so the count names the last).
     */
    private void pages(long size) throws IOException, InterruptedException {
        Instant first = eventTimeAt(0);
        Instant last = eventTimeAt(size - 1);
        Instant loadStarted = first.isBefore(last) ? first : last;
        Random random = new Random(7);
        long span = Math.max(1, Duration.between(loadStarted, first.isBefore(last) ? last : first).toMillis());
        List<Long> millis = new ArrayList<>();
        long entries = 0;
        for (int i = 0; i < PAGES; i++) {
            Instant from = loadStarted.plusMillis((long) (random.nextDouble() * span * 0.9));
            Instant to = from.plusMillis(span / 10);
            String url = base + "?bucket=" + PAGED_BUCKET + "&limit=100&eventTimeFrom=" + encode(from.toString())
                    + "&eventTimeTo=" + encode(to.toString());
            long start = System.nanoTime();
            HttpResponse<String> answer = http.send(request(url), HttpResponse.BodyHandlers.ofString());
            millis.add((System.nanoTime() - start) / 1_000_000);
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("The trail query answered " + answer.statusCode() + ": " + answer.body());
            }
            entries += answer.body().split("\"position\":", -1).length - 1;
        }
        report.line(String.format("Pages of `%s` in a random tenth of the gateway time, 100 entries at most, over a "
                + "trail of %,d entries: %s; %.0f entries per page on average", PAGED_BUCKET, size,
                Latencies.of(millis, 0), entries / (double) PAGES));
    }

    private Instant eventTimeAt(long after) throws IOException, InterruptedException {
        String body = http.send(request(base + "?limit=1&after=" + after), HttpResponse.BodyHandlers.ofString()).body();
        int at = body.indexOf("\"eventTime\":\"") + "\"eventTime\":\"".length();
        return Instant.parse(body.substring(at, body.indexOf('"', at)));
    }

    private HttpRequest request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization)
                .timeout(Duration.ofMinutes(10)).build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
