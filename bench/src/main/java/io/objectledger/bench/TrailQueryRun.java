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
import java.nio.file.Path;
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

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;
    private final String authorization;
    private final String pagedBucket;
    private final BenchReport report;

    TrailQueryRun(String auditUrl, Path auditorToken, String pagedBucket, BenchReport report) throws IOException {
        this.base = auditUrl + "/api/audit/entries";
        this.authorization = "Bearer " + Files.readString(auditorToken).trim();
        this.pagedBucket = pagedBucket;
        this.report = report;
    }

    /** On the benchmark's stack, paging the bucket the load generator writes most of. */
    static TrailQueryRun onStack(StackSettings settings, BenchReport report) throws IOException {
        return new TrailQueryRun(settings.baseUrl("audit"), settings.tokenDirectory().resolve("auditor.jwt"),
                "bench-logs", report);
    }

    /**
     * Pages only, against an audit-service already running, e.g. on a trail loaded with
     * {@code bench/src/main/sql/synthetic-trail.sql}: {@code -Dbench.audit.url}, {@code -Dbench.token.file},
     * {@code -Dbench.bucket}, and the gateway time to page in, {@code -Dbench.from} and {@code -Dbench.to}
     * (default: from the trail's first entry to its last).
     */
    public static void main(String[] args) throws Exception {
        BenchReport report = new BenchReport("trail-pages");
        TrailQueryRun run = new TrailQueryRun(System.getProperty("bench.audit.url", "http://localhost:9083"),
                Path.of(System.getProperty("bench.token.file", "target/local-stack/tokens/auditor.jwt")),
                System.getProperty("bench.bucket", "synthetic-7"), report);
        String from = System.getProperty("bench.from");
        String to = System.getProperty("bench.to");
        if (from == null || to == null) {
            run.pages(run.trailSize());
        } else {
            run.pages(run.trailSize(), Instant.parse(from), Instant.parse(to));
        }
        report.line("Report written to " + report.write(Path.of(System.getProperty("bench.report.dir", "target"))));
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
        pages(size, first.isBefore(last) ? first : last, first.isBefore(last) ? last : first);
    }

    /** Pages of 100 of one bucket in a random tenth of the gateway time from {@code start} to {@code end}. */
    private void pages(long size, Instant from, Instant until) throws IOException, InterruptedException {
        Random random = new Random(7);
        long span = Math.max(1, Duration.between(from, until).toMillis());
        List<Long> millis = new ArrayList<>();
        long entries = 0;
        for (int i = 0; i < PAGES; i++) {
            Instant windowFrom = from.plusMillis((long) (random.nextDouble() * span * 0.9));
            Instant windowTo = windowFrom.plusMillis(span / 10);
            String url = base + "?bucket=" + pagedBucket + "&limit=100&eventTimeFrom=" + encode(windowFrom.toString())
                    + "&eventTimeTo=" + encode(windowTo.toString());
            long start = System.nanoTime();
            HttpResponse<String> answer = http.send(request(url), HttpResponse.BodyHandlers.ofString());
            millis.add((System.nanoTime() - start) / 1_000_000);
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("The trail query answered " + answer.statusCode() + ": " + answer.body());
            }
            entries += answer.body().split("\"position\":", -1).length - 1;
        }
        report.line(String.format("Pages of `%s` in a random tenth of the gateway time, 100 entries at most, over a "
                + "trail of %,d entries: %s; %.0f entries per page on average", pagedBucket, size,
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
