package io.objectledger.support.warmup;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends a server's own query endpoints a number of requests, round robin, before it reports
 * ready. The JVM otherwise runs a query path in its interpreter and compiles it while the first
 * real queries wait: in the benchmark, catalog and audit spent 3x the CPU on the same queries
 * for the first ~20 s of use, on cores the rest of the ledger shares (BENCHMARKS.md). Requests
 * that cannot connect yet (the port opens after the application starts) are tried again until
 * the deadline; once the server answers, the warm-up stops after its requests or its budget,
 * whichever comes first, so that it never holds a start up for long on a slow or busy machine.
 */
public final class QueryWarmUp {

    private static final Duration CONNECT_RETRY = Duration.ofMillis(100);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final URI base;
    private final List<String> paths;
    private final int requests;
    private final Duration budget;
    private final Duration deadline;

    /**
     * {@code paths}: relative to {@code base}, each with its query string; asked in turn.
     * {@code budget}: the most time spent on requests from the first answer on; {@code deadline}:
     * the longest wait for the server to answer at all.
     */
    public QueryWarmUp(URI base, List<String> paths, int requests, Duration budget, Duration deadline) {
        if (paths.isEmpty() && requests > 0) {
            throw new IllegalArgumentException("no paths to warm up with " + requests + " requests");
        }
        this.base = base;
        this.paths = List.copyOf(paths);
        this.requests = requests;
        this.budget = budget;
        this.deadline = deadline;
    }

    /**
     * What the warm-up did: answers by HTTP status, how long it took from the first request, and
     * why it stopped early: {@code budgetSpent} (a slow machine: the rest was left cold), or
     * {@code failure} (nothing answered, or a request failed).
     */
    public record Outcome(int requests, Map<Integer, Integer> answersByStatus, Duration took, boolean budgetSpent,
                          String failure) {

        public int answered() {
            return answersByStatus.values().stream().mapToInt(Integer::intValue).sum();
        }

        public boolean failed() {
            return failure != null;
        }
    }

    public Outcome run() throws InterruptedException {
        Instant start = Instant.now();
        Instant giveUp = start.plus(deadline);
        Instant budgetEnds = null;
        Map<Integer, Integer> answers = new TreeMap<>();
        for (int i = 0; i < requests; i++) {
            if (budgetEnds != null && Instant.now().isAfter(budgetEnds)) {
                return new Outcome(requests, answers, Duration.between(start, Instant.now()), true, null);
            }
            HttpRequest request = HttpRequest.newBuilder(base.resolve(paths.get(i % paths.size())))
                    .timeout(REQUEST_TIMEOUT)
                    .GET()
                    .build();
            String failure = send(request, answers, giveUp);
            if (failure != null) {
                return new Outcome(requests, answers, Duration.between(start, Instant.now()), false, failure);
            }
            if (budgetEnds == null) {
                budgetEnds = Instant.now().plus(budget);
            }
        }
        return new Outcome(requests, answers, Duration.between(start, Instant.now()), false, null);
    }

    /** Answers null once the request was answered, whatever its status, or why it was not. */
    private String send(HttpRequest request, Map<Integer, Integer> answers, Instant giveUp)
            throws InterruptedException {
        while (true) {
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                answers.merge(status, 1, Integer::sum);
                return null;
            } catch (ConnectException e) {
                if (Instant.now().plus(CONNECT_RETRY).isAfter(giveUp)) {
                    return "nothing listening at " + base + " within " + deadline.toSeconds() + " s";
                }
                Thread.sleep(CONNECT_RETRY.toMillis());
            } catch (IOException e) {
                return request.uri() + " failed: " + e;
            }
        }
    }
}
