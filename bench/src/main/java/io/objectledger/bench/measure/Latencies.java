package io.objectledger.bench.measure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Exact percentiles of a few hundred samples, in milliseconds; {@code missing} never became visible. */
public record Latencies(int samples, long p50, long p99, long max, int missing) {

    public static Latencies of(List<Long> millis, int missing) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return new Latencies(0, -1, -1, -1, missing);
        }
        return new Latencies(sorted.size(), at(sorted, 0.50), at(sorted, 0.99), sorted.get(sorted.size() - 1),
                missing);
    }

    private static long at(List<Long> sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    @Override
    public String toString() {
        return "p50 " + p50 + " ms, p99 " + p99 + " ms, max " + max + " ms (" + samples + " samples"
                + (missing > 0 ? ", " + missing + " not visible in time" : "") + ")";
    }
}
