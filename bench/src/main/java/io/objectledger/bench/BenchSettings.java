package io.objectledger.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmark's knobs, from {@code bench.*} system properties (the stack's own come from
 * {@code stack.*}, see StackSettings).
 *
 * @param freshnessRates fixed rates (notifications/s) at which freshness is measured in turn
 * @param startupRounds  how many times each service is killed and started again for its start-up time
 * @param ciLog          a log that ends with {@code EXIT <code>} when a concurrent CI run is done;
 *                       measuring waits for it so that the numbers are not another job's
 * @param trailQueries   whether to time the audit trail's export and pages once the load is stored
 */
public record BenchSettings(int notifications, int objects, double duplicateShare, double reorderShare, long seed,
                            List<Integer> freshnessRates, Duration freshnessDuration, int freshnessSamples,
                            Duration drainTimeout, String profileService, Path reportDir, Path ciLog,
                            Duration ciWait, int startupRounds, boolean trailQueries) {

    public static BenchSettings fromSystemProperties() {
        int notifications = Integer.getInteger("bench.notifications", 20_000);
        return new BenchSettings(
                notifications,
                Integer.getInteger("bench.objects", Math.max(1, notifications / 5)),
                Double.parseDouble(System.getProperty("bench.duplicates", "0.10")),
                Double.parseDouble(System.getProperty("bench.reordered", "0.10")),
                Long.getLong("bench.seed", 20261126L),
                Arrays.stream(System.getProperty("bench.freshness.rates", "2000").split(","))
                        .map(String::trim).filter(s -> !s.isEmpty()).map(Integer::valueOf).toList(),
                Duration.ofSeconds(Long.getLong("bench.freshness.seconds", 15)),
                Integer.getInteger("bench.freshness.samples", 300),
                Duration.ofMinutes(Long.getLong("bench.drain.minutes", 30)),
                System.getProperty("bench.profile", "lifecycle"),
                Path.of(System.getProperty("bench.report.dir", "target")),
                Path.of(System.getProperty("bench.ci.log", "/tmp/ci.log")),
                Duration.ofMinutes(Long.getLong("bench.ci.wait.minutes", 15)),
                Integer.getInteger("bench.startup.rounds", 3),
                Boolean.parseBoolean(System.getProperty("bench.trail-queries", "true")));
    }

    /** {@code -Dbench.profile=none}: no JFR recording, which costs the recorded service CPU of its own. */
    public boolean profiling() {
        return !"none".equals(profileService);
    }
}
