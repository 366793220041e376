package io.objectledger.bench.measure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each consumer group's lag during a phase: records on its topic its group has not committed yet,
 * asked of the broker every {@link #INTERVAL_MILLIS} ms. The freshness numbers say how late an
 * object became visible; this says which stage held it. Committed offsets trail what a stage has
 * done by up to its commit interval (250 ms), so a lag below ~250 ms of records is no queue.
 */
public final class StageLag implements AutoCloseable {

    private static final long INTERVAL_MILLIS = 500;

    private record Stage(String name, String group, String topic) {
    }

    private static final List<Stage> STAGES = List.of(
            new Stage("ingest", "object-ledger-ingest", LedgerProgress.NOTIFICATIONS),
            new Stage("lifecycle", "object-ledger-lifecycle", LedgerProgress.COMMANDS),
            new Stage("catalog", "object-ledger-catalog", LedgerProgress.EVENTS),
            new Stage("audit", "object-ledger-audit", LedgerProgress.EVENTS),
            new Stage("policy", "object-ledger-policy", LedgerProgress.EVENTS));

    private final TopicOffsets topics;
    private final Map<String, List<Long>> lags = new LinkedHashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    public StageLag(TopicOffsets topics) {
        this.topics = topics;
        STAGES.forEach(stage -> lags.put(stage.name(), Collections.synchronizedList(new ArrayList<>())));
        sampler = new Thread(this::sample, "stage-lag");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        while (running) {
            Map<String, Long> ends = new LinkedHashMap<>();
            for (Stage stage : STAGES) {
                long end = ends.computeIfAbsent(stage.topic(), topics::records);
                long committed = topics.committed(stage.group(), stage.topic());
                if (end >= 0 && committed >= 0) {
                    lags.get(stage.name()).add(Math.max(0, end - committed));
                }
            }
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Per stage: the largest lag seen and the 90th percentile, in records. */
    public Map<String, long[]> maxAndP90() {
        Map<String, long[]> result = new LinkedHashMap<>();
        lags.forEach((stage, samples) -> {
            List<Long> sorted;
            synchronized (samples) {
                sorted = new ArrayList<>(samples);
            }
            Collections.sort(sorted);
            long max = sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1);
            long p90 = sorted.isEmpty() ? -1 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.9) - 1));
            result.put(stage, new long[] {max, p90});
        });
        return result;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.join(5_000);
    }
}
