package io.objectledger.bench.fault;

import io.objectledger.bench.generate.RgwJson;
import io.objectledger.bench.BenchReport;
import io.objectledger.bench.BenchSettings;
import io.objectledger.bench.Machine;
import io.objectledger.bench.generate.LoadMix;
import io.objectledger.bench.generate.NotificationStream;
import io.objectledger.bench.load.RgwProducer;
import io.objectledger.bench.measure.LedgerDatabase;
import io.objectledger.bench.measure.LedgerProgress;
import io.objectledger.bench.measure.TopicOffsets;
import io.objectledger.stack.LocalStack;
import io.objectledger.stack.StackSettings;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The fault run: a stream with duplicates and shuffled per-object order, produced at a fixed
 * rate while each service and then the broker is killed with SIGKILL and started again; at the
 * end the event store, the lifecycle topic, the audit trail and the catalog are compared with
 * what a clean run holds. Killing PostgreSQL kills the machine's one server: run it alone.
 */
public final class FaultRun {

    private final BenchSettings bench;
    private final double rate = Double.parseDouble(System.getProperty("bench.fault.rate", "1000"));
    private final Duration interval = Duration.ofSeconds(Long.getLong("bench.fault.interval.seconds", 20));
    private final List<String> faults = Arrays.asList(
            System.getProperty("bench.faults", "ingest,lifecycle,catalog,audit,kafka,postgres").split(","));
    private final BenchReport report = new BenchReport("fault-report");

    private FaultRun(BenchSettings bench) {
        this.bench = bench;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("bench.notifications", System.getProperty("bench.notifications", "100000"));
        System.setProperty("bench.reordered", System.getProperty("bench.reordered", "1.0"));
        new FaultRun(BenchSettings.fromSystemProperties()).run(StackSettings.fromSystemProperties());
        System.exit(0);
    }

    private void run(StackSettings settings) throws Exception {
        report.line("Machine: " + Machine.describe());
        report.line("Before the run: " + Machine.awaitIdle(bench.ciLog(), bench.ciWait()));
        NotificationStream stream = NotificationStream.generate(new LoadMix(bench.notifications(), bench.objects(),
                bench.duplicateShare(), bench.reorderShare(), bench.seed(), "fault/", Instant.now()));
        LedgerProgress.Target target = new LedgerProgress.Target(stream.expected().events(),
                stream.expected().objects().size());
        report.line(String.format("%d notifications over %d objects at %.0f/s: %.0f %% duplicates, per-object order "
                        + "shuffled for %.0f %% of objects; faults %s, %d s apart", bench.notifications(),
                bench.objects(), rate, bench.duplicateShare() * 100, bench.reorderShare() * 100, faults,
                interval.toSeconds()));
        try (LocalStack stack = LocalStack.start(settings);
             TopicOffsets topics = new TopicOffsets(settings.bootstrapServers());
             LedgerDatabase database = new LedgerDatabase(settings)) {
            // Ctrl-C or a SIGTERM must not leave five JVMs behind.
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
            List<byte[]> bodies = RgwJson.bodies(stream.deliveries());
            long start = System.nanoTime();
            Thread producing = new Thread(() -> {
                try (RgwProducer producer = new RgwProducer(settings.bootstrapServers())) {
                    producer.send(LedgerProgress.NOTIFICATIONS, stream.deliveries(), bodies, rate, (d, i) -> { });
                }
            }, "bench-producer");
            producing.start();
            injectFaults(stack, database, topics, start);
            producing.join();
            LedgerProgress last = LedgerProgress.awaitTarget(database, topics, start, target, bench.drainTimeout(),
                    progress -> System.out.println("[bench] " + progress));
            // Anything re-delivered after a restart would land now: give it a moment to show.
            Thread.sleep(10_000);
            report.line("Stream finished and drained: " + LedgerProgress.read(database, topics, start)
                    + (last.reached(target) ? "" : " (NOT complete within the drain timeout)"));
            compare(settings, stream, database);
        }
        report.line("");
        report.line("Report written to " + report.write(bench.reportDir()));
    }

    private void injectFaults(LocalStack stack, LedgerDatabase database, TopicOffsets topics, long start)
            throws Exception {
        report.heading("Faults (SIGKILL, then started again)");
        report.row("killed", "at", "progress when killed", "seconds until ready again");
        report.row("---", "---", "---", "---");
        for (String target : faults) {
            Thread.sleep(interval.toMillis());
            LedgerProgress before = LedgerProgress.read(database, topics, start);
            double seconds = new Fault(target.trim()).inject(stack);
            report.row(target.trim(), String.format("%.0f s", before.elapsedMillis() / 1000.0), before,
                    String.format("%.1f", seconds));
        }
    }

    private void compare(StackSettings settings, NotificationStream stream, LedgerDatabase database) {
        LedgerComparison result = LedgerComparison.of(stream.expected(), database);
        LifecycleTopicIds.Count topic = LifecycleTopicIds.read(settings.bootstrapServers(), LedgerProgress.EVENTS);
        report.heading("Compared with a clean run (expected content computed by the generator)");
        report.row("what", "expected", "found");
        report.row("---", "---", "---");
        report.row("events in the store (domainevententry)", result.expectedEvents(), result.storedEvents());
        report.row("distinct event ids on object-lifecycle-events", result.expectedEvents(), topic.distinctIds());
        report.row("records on object-lifecycle-events (re-publication allowed)", result.expectedEvents(),
                topic.records());
        report.row("audit entries", result.expectedEvents(), result.auditEntries());
        report.row("catalog objects", result.expectedObjects(), result.catalogObjects());
        report.row("objects with events lost / duplicated in the store", "0 / 0",
                result.objectsMissingEvents() + " / " + result.objectsWithDuplicateEvents());
        report.row("objects with audit entries lost / duplicated", "0 / 0",
                result.objectsMissingAudit() + " / " + result.objectsWithDuplicateAudit());
        report.row("catalog rows not at the latest change (state, version, ETag)", 0, result.catalogMismatches());
        report.row("objects the generator never sent", 0, result.unexpectedObjects());
        report.line("");
        report.line(result.clean() && topic.distinctIds() == result.expectedEvents()
                ? "Verdict: nothing lost, nothing duplicated."
                : "Verdict: DIFFERENCES from a clean run (see the rows above).");
    }
}
