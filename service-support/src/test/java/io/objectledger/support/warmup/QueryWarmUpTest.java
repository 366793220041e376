package io.objectledger.support.warmup;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryWarmUpTest {

    private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
    private HttpServer server;
    private volatile Duration answerDelay = Duration.ZERO;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void asksEveryPathInTurnAndCountsTheAnswersByStatus() throws Exception {
        int port = startServer(0);
        QueryWarmUp warmUp = new QueryWarmUp(URI.create("http://localhost:" + port + "/"),
                List.of("api/things/object?key=warm-up", "api/things?limit=1"), 5, Duration.ofSeconds(30), Duration.ofSeconds(10));

        QueryWarmUp.Outcome outcome = warmUp.run();

        assertThat(outcome.failed()).isFalse();
        assertThat(outcome.budgetSpent()).isFalse();
        assertThat(outcome.answersByStatus()).containsExactlyInAnyOrderEntriesOf(Map.of(404, 3, 200, 2));
        assertThat(asked).containsOnlyKeys("/api/things/object?key=warm-up", "/api/things?limit=1");
        assertThat(asked.get("/api/things/object?key=warm-up")).hasValue(3);
        assertThat(asked.get("/api/things?limit=1")).hasValue(2);
    }

    @Test
    void waitsForThePortToOpen() throws Exception {
        int port = freePort();
        QueryWarmUp warmUp = new QueryWarmUp(URI.create("http://localhost:" + port + "/"),
                List.of("api/things?limit=1"), 3, Duration.ofSeconds(30), Duration.ofSeconds(30));
        CompletableFuture<QueryWarmUp.Outcome> running = CompletableFuture.supplyAsync(() -> {
            try {
                return warmUp.run();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        startServer(port);
        QueryWarmUp.Outcome outcome = running.get(30, TimeUnit.SECONDS);

        assertThat(outcome.failed()).isFalse();
        assertThat(outcome.answered()).isEqualTo(3);
        assertThat(asked.get("/api/things?limit=1")).hasValue(3);
    }

    @Test
    void givesUpAtItsDeadlineWhenNothingListens() throws Exception {
        int port = freePort();
        QueryWarmUp warmUp = new QueryWarmUp(URI.create("http://localhost:" + port + "/"),
                List.of("api/things?limit=1"), 3, Duration.ofSeconds(30), Duration.ofMillis(500));

        QueryWarmUp.Outcome outcome = warmUp.run();

        assertThat(outcome.failed()).isTrue();
        assertThat(outcome.answered()).isZero();
        assertThat(outcome.failure()).contains("nothing listening at http://localhost:" + port);
    }

    @Test
    void stopsWhenItsBudgetIsSpent() throws Exception {
        int port = startServer(0);
        answerDelay = Duration.ofMillis(50);
        QueryWarmUp warmUp = new QueryWarmUp(URI.create("http://localhost:" + port + "/"),
                List.of("api/things?limit=1"), 1_000, Duration.ofMillis(300), Duration.ofSeconds(10));

        QueryWarmUp.Outcome outcome = warmUp.run();

        assertThat(outcome.failed()).isFalse();
        assertThat(outcome.budgetSpent()).isTrue();
        // One request before the budget starts, then at most 300 ms of 50 ms answers (and one more in flight)
        assertThat(outcome.answered()).isBetween(2, 9);
        assertThat(asked.get("/api/things?limit=1")).hasValue(outcome.answered());
    }

    @Test
    void refusesRequestsWithoutPaths() {
        assertThatThrownBy(() -> new QueryWarmUp(URI.create("http://localhost:1/"), List.of(), 1, Duration.ofSeconds(1),
                Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no paths");
    }

    /** A real HTTP server: a listing answers 200, anything else 404, as the query services do. */
    private int startServer(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        server.createContext("/", exchange -> {
            String asked = exchange.getRequestURI().toString();
            this.asked.computeIfAbsent(asked, key -> new AtomicInteger()).incrementAndGet();
            try {
                // A slow server's answer; the warm-up's budget counts it
                Thread.sleep(answerDelay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(asked.contains("/object") ? 404 : 200, -1);
            exchange.close();
        });
        server.start();
        return server.getAddress().getPort();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
