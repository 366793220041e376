package io.objectledger.bench.measure;

import java.util.ArrayList;
import java.util.List;

/**
 * Latencies with the time their samples were produced, so a phase can be read window by window:
 * the first seconds of a phase on a stack that has just started (code not yet compiled, caches
 * empty) differ from the rest, and one percentile over the whole phase hides which it is. Times
 * are in milliseconds on any one clock; {@code missing} samples never became visible.
 */
public final class LatencySeries {

    private record Sample(long producedAtMillis, long latencyMillis) {
    }

    private final List<Sample> samples = new ArrayList<>();
    private int missing;

    public synchronized void add(long producedAtMillis, long latencyMillis) {
        samples.add(new Sample(producedAtMillis, latencyMillis));
    }

    public synchronized void missing(int count) {
        missing += count;
    }

    public synchronized Latencies overall() {
        return Latencies.of(samples.stream().map(Sample::latencyMillis).toList(), missing);
    }

    /**
     * One {@link Latencies} per {@code windowMillis} from {@code startMillis}, by when each sample was
     * produced; the last window holds what was produced after the others, however little.
     */
    public synchronized List<Latencies> byWindow(long startMillis, long windowMillis) {
        List<List<Long>> windows = new ArrayList<>();
        for (Sample sample : samples) {
            int window = (int) Math.max(0, (sample.producedAtMillis() - startMillis) / windowMillis);
            while (windows.size() <= window) {
                windows.add(new ArrayList<>());
            }
            windows.get(window).add(sample.latencyMillis());
        }
        return windows.stream().map(latencies -> Latencies.of(latencies, 0)).toList();
    }
}
