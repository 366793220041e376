package io.objectledger.bench.measure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * What a query service itself measured for its object endpoint (MicroProfile Metrics'
 * {@code REST.request} timer): requests served, their total time, and the slowest in the last
 * completed minute. Tells a slow service apart from a slow client when the freshness probe
 * reports more than the stores' write times.
 */
public record QueryTimings(double count, double totalSeconds, double maxSeconds) {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /** {@code baseUrl} e.g. {@code http://localhost:29082}; zeros if the service does not answer. */
    public static QueryTimings read(String baseUrl) {
        try {
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/metrics?scope=base"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
            return new QueryTimings(value(metrics, "REST_request_seconds_count"),
                    value(metrics, "REST_request_seconds_sum"), value(metrics, "REST_request_seconds_max"));
        } catch (IOException e) {
            return new QueryTimings(0, 0, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new QueryTimings(0, 0, 0);
        }
    }

    /**
     * The object endpoint's sample: the resource methods behind {@code .../object?key=} are
     * {@code CatalogResource.object} and {@code AuditResource.history}.
     */
    private static double value(String metrics, String name) {
        for (String line : metrics.split("\n")) {
            if (line.startsWith(name + "{")
                    && (line.contains("method=\"object_") || line.contains("method=\"history_"))) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    /** Mean server time per request between {@code before} and this reading, in milliseconds. */
    public double meanMillisSince(QueryTimings before) {
        double requests = count - before.count;
        return requests <= 0 ? 0 : (totalSeconds - before.totalSeconds) * 1000 / requests;
    }

    public long requestsSince(QueryTimings before) {
        return Math.round(count - before.count);
    }
}
