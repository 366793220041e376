package io.objectledger.support.warmup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Warms the service's query endpoints ({@code ledger.warm-up.paths}) as it starts, and is not
 * ready until that is done or its budget is spent (a start waits at most that long more). A
 * warm-up that fails (nothing answers within a minute) is logged and then reported ready all the
 * same: a cold query path is slow, not wrong. A service with no paths configured has nothing to
 * warm up.
 */
@Readiness
@ApplicationScoped
public class QueryWarmUpCheck implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(QueryWarmUpCheck.class.getName());
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Inject
    @ConfigProperty(name = "ledger.warm-up.paths")
    Optional<List<String>> paths;

    /** 0 turns the warm-up off. */
    @Inject
    @ConfigProperty(name = "ledger.warm-up.requests", defaultValue = "400")
    int requests;

    /** The most the warm-up's requests may take once the server answers. */
    @Inject
    @ConfigProperty(name = "ledger.warm-up.budget-ms", defaultValue = "2000")
    long budgetMs;

    /** Liberty's {@code http.port} server variable, which HTTP_PORT overrides. */
    @Inject
    @ConfigProperty(name = "http.port", defaultValue = "9080")
    int httpPort;

    private volatile QueryWarmUp.Outcome outcome;

    void startWithApplication(@Observes Startup startup) {
        if (paths.isEmpty() || requests <= 0) {
            outcome = new QueryWarmUp.Outcome(0, Map.of(), Duration.ZERO, false, null);
            return;
        }
        QueryWarmUp warmUp = new QueryWarmUp(URI.create("http://localhost:" + httpPort + "/"), paths.get(), requests,
                Duration.ofMillis(budgetMs), DEADLINE);
        Thread thread = new Thread(() -> run(warmUp), "query-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(QueryWarmUp warmUp) {
        try {
            QueryWarmUp.Outcome done = warmUp.run();
            if (done.failed()) {
                LOG.warning(() -> "Query warm-up stopped after " + done.answered() + " of " + done.requests()
                        + " requests (" + done.failure() + "); reporting ready with a cold query path");
            } else {
                LOG.info(() -> "Query path warmed up with " + done.answered() + " of " + done.requests()
                        + " requests in " + done.took().toMillis() + " ms"
                        + (done.budgetSpent() ? " (its budget, " + budgetMs + " ms, was spent)" : "")
                        + ", answers by status " + done.answersByStatus());
            }
            outcome = done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public HealthCheckResponse call() {
        QueryWarmUp.Outcome done = outcome;
        var response = HealthCheckResponse.named("query-warm-up");
        if (done == null) {
            return response.down().withData("requests", requests).build();
        }
        response.up().withData("answered", done.answered()).withData("ms", done.took().toMillis());
        return done.failed() ? response.withData("failure", done.failure()).build() : response.build();
    }
}
