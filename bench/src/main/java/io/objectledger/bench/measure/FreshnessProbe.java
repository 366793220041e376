package io.objectledger.bench.measure;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How long after it was produced an object's first notification becomes visible through one
 * query ({@code /api/catalog/{bucket}/object?key=} or {@code /api/audit/...}). Samples become
 * visible roughly in the order they were produced, so a round asks for the oldest pending one
 * and, only once that is visible, for the {@link #WINDOW} next at once, round after round with
 * no pause while they are visible (asking for all of them one by one made a pass, and so the
 * resolution, take seconds with hundreds pending). Resolution: one request, or one parallel
 * round, plus {@link #PAUSE}. A sample that becomes visible before an older one is timed when
 * the older one is: late, never early. Rounds that asked for every pending sample would load the
 * services in proportion to the delay they found, and so slow what they measure.
 */
public final class FreshnessProbe implements AutoCloseable {

    // Short enough for fine resolution, long enough that the probe does not load what it measures.
    private static final Duration PAUSE = Duration.ofMillis(50);
    private static final int WINDOW = 16;

    private record Sample(String bucket, String key, long producedAtNanos) {
    }

    private final String objectUrl;
    private final String authorization;
    /**
     * HTTP/1.1, as most clients of the query APIs speak (not the JDK client's default HTTP/2
     * upgrade). Liberty closes an HTTP/1.1 connection after every 404 (OpenLiberty issues 16521,
     * 25933), so each "not visible yet" costs the probe a new connection; over HTTP/2, which keeps
     * it, the probe's requests queue behind one another in Liberty instead, and the probe would
     * time its own queue rather than the stores. A round waits for its slowest
     * request, so a request that does not answer within {@link #REQUEST_TIMEOUT} is given up,
     * counted, and its sample asked again next round.
     */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(1);
    private final AtomicInteger timedOut = new AtomicInteger();
    private final ConcurrentLinkedQueue<Sample> pending = new ConcurrentLinkedQueue<>();
    private final LatencySeries visibleAfter = new LatencySeries();
    private final Thread poller;
    private volatile boolean running = true;

    /** {@code base} is e.g. {@code http://localhost:29082/api/catalog}; {@code token} a JWT of the role it needs. */
    public FreshnessProbe(String base, String token) {
        this.objectUrl = base;
        this.authorization = "Bearer " + token;
        this.poller = new Thread(this::poll, "freshness-" + base);
        poller.setDaemon(true);
        poller.start();
    }

    public void produced(String bucket, String key, long atNanos) {
        pending.add(new Sample(bucket, key, atNanos));
    }

    /**
     * Waits until every sample is visible or the deadline passes; answers the latencies seen, by
     * when each sample was produced in milliseconds of {@link System#nanoTime()}.
     */
    public LatencySeries await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        running = false;
        poller.join(5_000);
        visibleAfter.missing(pending.size());
        return visibleAfter;
    }

    private void poll() {
        while (running) {
            Sample oldest = pending.peek();
            boolean advanced = oldest != null && visible(oldest).join();
            if (advanced) {
                seen(oldest);
                List<Sample> window = pending.stream().limit(WINDOW).toList();
                List<CompletableFuture<Boolean>> checks = window.stream().map(this::visible).toList();
                for (int i = 0; i < window.size(); i++) {
                    if (checks.get(i).join()) {
                        seen(window.get(i));
                    }
                }
            }
            if (!advanced) {
                try {
                    Thread.sleep(PAUSE.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void seen(Sample sample) {
        visibleAfter.add(sample.producedAtNanos() / 1_000_000, (System.nanoTime() - sample.producedAtNanos()) / 1_000_000);
        pending.remove(sample);
    }

    private CompletableFuture<Boolean> visible(Sample sample) {
        URI uri = URI.create(objectUrl + "/" + URLEncoder.encode(sample.bucket(), StandardCharsets.UTF_8)
                + "/object?key=" + URLEncoder.encode(sample.key(), StandardCharsets.UTF_8).replace("+", "%20"));
        return http.sendAsync(HttpRequest.newBuilder(uri).header("Authorization", authorization)
                                .timeout(REQUEST_TIMEOUT).build(),
                        HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> response.statusCode() == 200)
                .exceptionally(notNow -> {
                    if (notNow instanceof HttpTimeoutException || notNow.getCause() instanceof HttpTimeoutException) {
                        timedOut.incrementAndGet();
                    }
                    return false;
                });
    }

    /** Requests that did not answer within {@link #REQUEST_TIMEOUT}. */
    public int timedOutRequests() {
        return timedOut.get();
    }

    @Override
    public void close() {
        running = false;
    }
}
