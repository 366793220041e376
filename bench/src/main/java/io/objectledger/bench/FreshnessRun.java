package io.objectledger.bench;

import io.objectledger.bench.generate.RgwJson;
import io.objectledger.bench.generate.Delivery;
import io.objectledger.bench.generate.LoadMix;
import io.objectledger.bench.generate.NotificationStream;
import io.objectledger.bench.load.RgwProducer;
import io.objectledger.bench.measure.StageLag;
import io.objectledger.bench.measure.FreshnessProbe;
import io.objectledger.bench.measure.Latencies;
import io.objectledger.bench.measure.LatencySeries;
import io.objectledger.bench.measure.LedgerDatabase;
import io.objectledger.bench.measure.LedgerProgress;
import io.objectledger.bench.measure.QueryTimings;
import io.objectledger.bench.measure.TopicOffsets;
import io.objectledger.events.object.ObjectIdentity;
import io.objectledger.stack.StackSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Freshness at a fixed rate: new objects are streamed at {@code rate} notifications/s and, for a
 * sample of them, the time from producing the object's first notification until the catalog
 * query and the audit query show the object.
 */
final class FreshnessRun {

    private static final int WINDOW_SECONDS = 10;

    private final StackSettings settings;
    private final BenchSettings bench;
    private final BenchReport report;

    FreshnessRun(StackSettings settings, BenchSettings bench, BenchReport report) {
        this.settings = settings;
        this.bench = bench;
        this.report = report;
    }

    /**
     * Answers the cumulative target, the next phase's starting point. Each phase streams objects
     * of its own ({@code phase} is part of their keys and of the seed), so a rate may be repeated:
     * {@code -Dbench.freshness.rates=2000,2000} warms the stack up at the rate it then measures.
     */
    LedgerProgress.Target run(int rate, int phase, LedgerDatabase database, TopicOffsets topics,
                              LedgerProgress.Target before) throws Exception {
        int notifications = (int) (rate * bench.freshnessDuration().toSeconds());
        int objects = Math.max(1, notifications / 4);
        String prefix = "fresh-" + rate + (phase == 0 ? "" : "-" + phase) + "/";
        NotificationStream stream = NotificationStream.generate(new LoadMix(notifications, objects,
                bench.duplicateShare(), bench.reorderShare(), bench.seed() + rate + 1_000_003L * phase, prefix,
                Instant.now()));
        Set<Integer> sampled = sampledPositions(stream, Math.max(1, objects / bench.freshnessSamples()));
        LedgerProgress.Target target = new LedgerProgress.Target(before.events() + stream.expected().events(),
                before.objects() + objects);
        Map<String, Long> producedAtMillis = new ConcurrentHashMap<>();
        List<byte[]> bodies = RgwJson.bodies(stream.deliveries());
        QueryTimings catalogBefore = QueryTimings.read(settings.baseUrl("catalog"));
        QueryTimings auditBefore = QueryTimings.read(settings.baseUrl("audit"));
        try (FreshnessProbe catalog = new FreshnessProbe(settings.baseUrl("catalog") + "/api/catalog",
                     localToken(settings, "catalog-reader"));
             FreshnessProbe audit = new FreshnessProbe(settings.baseUrl("audit") + "/api/audit",
                     localToken(settings, "auditor"));
             RgwProducer producer = new RgwProducer(settings.bootstrapServers());
             StageLag lag = new StageLag(topics)) {
            long start = System.nanoTime();
            long startWallMillis = System.currentTimeMillis();
            producer.send(LedgerProgress.NOTIFICATIONS, stream.deliveries(), bodies, rate, (delivery, index) -> {
                if (sampled.contains(index)) {
                    long now = System.nanoTime();
                    producedAtMillis.put(new ObjectIdentity(delivery.change().bucket(), delivery.change().key()).aggregateId(),
                            System.currentTimeMillis());
                    catalog.produced(delivery.change().bucket(), delivery.change().key(), now);
                    audit.produced(delivery.change().bucket(), delivery.change().key(), now);
                }
            });
            double sendSeconds = (System.nanoTime() - start) / 1e9;
            LatencySeries catalogSeries = catalog.await(bench.drainTimeout());
            LatencySeries auditSeries = audit.await(bench.drainTimeout());
            Latencies catalogLatency = catalogSeries.overall();
            Latencies auditLatency = auditSeries.overall();
            LedgerProgress last = LedgerProgress.awaitTarget(database, topics, start, target, bench.drainTimeout(),
                    progress -> System.out.println("[bench] " + progress));
            report.heading(String.format("Freshness at %,d notifications/s (%d notifications in %.1f s, new objects)",
                    rate, notifications, sendSeconds));
            report.row("query", "p50", "p99", "max", "samples");
            report.row("---", "---", "---", "---", "---");
            report.row("catalog", catalogLatency.p50() + " ms", catalogLatency.p99() + " ms", catalogLatency.max() + " ms",
                    samples(catalogLatency));
            report.row("audit", auditLatency.p50() + " ms", auditLatency.p99() + " ms", auditLatency.max() + " ms",
                    samples(auditLatency));
            windowLine(catalogSeries, auditSeries, start / 1_000_000);
            serverTable(catalogBefore, QueryTimings.read(settings.baseUrl("catalog")),
                    auditBefore, QueryTimings.read(settings.baseUrl("audit")));
            if (catalog.timedOutRequests() + audit.timedOutRequests() > 0) {
                report.line("");
                report.line(String.format("Query requests that did not answer within 1 s: catalog %d, audit %d.",
                        catalog.timedOutRequests(), audit.timedOutRequests()));
            }
            stageTable(database.firstWrites(producedAtMillis.keySet()), producedAtMillis, startWallMillis);
            lagTable(lag, rate);
            report.line("");
            report.line(last.reached(target)
                    ? String.format("All caught up %.1f s after the first notification of this phase.",
                            last.elapsedMillis() / 1000.0)
                    : "NOT caught up within " + bench.drainTimeout().toMinutes() + " min: " + last);
            return target;
        }
    }

    /**
     * The p99 of each {@value #WINDOW_SECONDS} s of the phase: a stack that has just started
     * (code not compiled yet, caches empty) is slower in its first seconds than later, which one
     * percentile over the phase does not tell apart.
     */
    private void windowLine(LatencySeries catalog, LatencySeries audit, long startMillis) {
        report.line("");
        report.line(String.format("p99 of each %d s of the phase, by when the sample was produced: catalog %s ms;"
                        + " audit %s ms.", WINDOW_SECONDS, p99s(catalog, startMillis), p99s(audit, startMillis)));
    }

    private static String p99s(LatencySeries series, long startMillis) {
        return series.byWindow(startMillis, WINDOW_SECONDS * 1_000L).stream()
                .map(latencies -> String.format("%,d", latencies.p99()))
                .collect(Collectors.joining(" / "));
    }

    /** Which stage held the queue: each consumer group's lag during the phase, in records and in seconds of the rate. */
    private void lagTable(StageLag lag, int rate) {
        report.line("");
        report.line("Each consumer group's lag during the phase (records on its topic not committed yet, every 0.5 s;"
                + " commits trail the work by up to 250 ms):");
        report.line("");
        report.row("stage", "max lag", "p90 lag");
        report.row("---", "---", "---");
        lag.maxAndP90().forEach((stage, maxAndP90) -> report.row(stage,
                String.format("%,d (%.2f s)", maxAndP90[0], maxAndP90[0] / (double) rate),
                String.format("%,d (%.2f s)", maxAndP90[1], maxAndP90[1] / (double) rate)));
    }

    /** The query services' own timing of the object endpoint during the phase. */
    private void serverTable(QueryTimings catalogBefore, QueryTimings catalogAfter,
                             QueryTimings auditBefore, QueryTimings auditAfter) {
        report.line("");
        report.line("The query services' own timing of `GET .../object?key=` during the phase (MicroProfile Metrics"
                + " `REST.request`; 404s included; max: slowest in the last completed minute):");
        report.line("");
        report.row("service", "requests", "mean ms", "max ms");
        report.row("---", "---", "---", "---");
        report.row("catalog", String.valueOf(catalogAfter.requestsSince(catalogBefore)),
                String.format("%.1f", catalogAfter.meanMillisSince(catalogBefore)),
                String.format("%.0f", catalogAfter.maxSeconds() * 1000));
        report.row("audit", String.valueOf(auditAfter.requestsSince(auditBefore)),
                String.format("%.1f", auditAfter.meanMillisSince(auditBefore)),
                String.format("%.0f", auditAfter.maxSeconds() * 1000));
    }

    /**
     * The same samples timed by the stores' own write times, with no query in between: how
     * long until the event store holds the object's first event, and until the audit trail does.
     * Shows where the time goes, and checks the probes (which measure with polling).
     */
    private void stageTable(LedgerDatabase.FirstWrites writes, Map<String, Long> producedAtMillis,
                            long startWallMillis) {
        report.line("");
        report.line("Same samples, by the time each store wrote the object's first event (no polling):");
        report.line("");
        report.row("written to", "p50", "p99", "max", "samples", "p99 of each " + WINDOW_SECONDS + " s");
        report.row("---", "---", "---", "---", "---", "---");
        stageRow("event store (lifecycle)", writes.stored(), producedAtMillis, startWallMillis);
        stageRow("audit trail", writes.audited(), producedAtMillis, startWallMillis);
    }

    private void stageRow(String stage, Map<String, Long> writtenAtMillis, Map<String, Long> producedAtMillis,
                          long startWallMillis) {
        LatencySeries series = new LatencySeries();
        producedAtMillis.forEach((id, produced) -> {
            Long written = writtenAtMillis.get(id);
            if (written != null) {
                series.add(produced, Math.max(0, written - produced));
            } else {
                series.missing(1);
            }
        });
        Latencies latencies = series.overall();
        report.row(stage, latencies.p50() + " ms", latencies.p99() + " ms", latencies.max() + " ms", samples(latencies),
                p99s(series, startWallMillis) + " ms");
    }

    private static String samples(Latencies latencies) {
        return latencies.samples() + (latencies.missing() > 0 ? " (+" + latencies.missing() + " never visible)" : "");
    }

    /** Positions of the first notification of every {@code every}-th object, in send order. */
    private static Set<Integer> sampledPositions(NotificationStream stream, int every) {
        Set<String> seen = new HashSet<>();
        Set<Integer> positions = new HashSet<>();
        for (int i = 0; i < stream.deliveries().size(); i++) {
            Delivery delivery = stream.deliveries().get(i);
            if (seen.add(delivery.partitionKey()) && seen.size() % every == 0) {
                positions.add(i);
            }
        }
        return positions;
    }

    /** A token the local stack wrote at its start, for the probe's queries. */
    private static String localToken(StackSettings settings, String name) throws IOException {
        return Files.readString(settings.tokenDirectory().resolve(name + ".jwt")).trim();
    }
}
