package io.objectledger.bench;

import io.objectledger.bench.generate.RgwJson;
import io.objectledger.bench.generate.LoadMix;
import io.objectledger.bench.generate.NotificationStream;
import io.objectledger.bench.measure.CpuMeter;
import io.objectledger.bench.measure.JfrProfile;
import io.objectledger.bench.measure.KafkaReference;
import io.objectledger.bench.measure.LedgerDatabase;
import io.objectledger.bench.measure.LedgerProgress;
import io.objectledger.bench.measure.MachineReference;
import io.objectledger.bench.measure.ProcessSample;
import io.objectledger.bench.measure.StackProcesses;
import io.objectledger.bench.measure.SteadyRate;
import io.objectledger.bench.measure.TopicOffsets;
import io.objectledger.bench.load.RgwProducer;
import io.objectledger.stack.LocalStack;
import io.objectledger.stack.StackSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Starts the whole set on PostgreSQL, then measures: the raw Kafka reference, end-to-end
 * throughput as fast as possible, freshness at fixed rates, CPU per notification, peak resident
 * memory and start-up time per service.
 */
public final class Benchmark {

    private static final int REFERENCE_NOTIFICATIONS = 20_000;
    private static final int REFERENCE_ROUNDS = 5;

    private final BenchSettings bench;
    private final BenchReport report = new BenchReport("bench-report");
    private LedgerProgress.Target target = new LedgerProgress.Target(0, 0);

    private Benchmark(BenchSettings bench) {
        this.bench = bench;
    }

    public static void main(String[] args) throws Exception {
        new Benchmark(BenchSettings.fromSystemProperties()).run(StackSettings.fromSystemProperties());
        System.exit(0);
    }

    private void run(StackSettings settings) throws Exception {
        report.line("Machine: " + Machine.describe());
        report.line("Before measuring: " + Machine.awaitIdle(bench.ciLog(), bench.ciWait()));
        report.line("Load average at start: " + Machine.loadAverage() + "; other JVMs: " + Machine.otherJvms());
        report.line("Machine reference (parse, map, encode and decode the same generated notifications on one"
                + " thread, before the stack starts): " + MachineReference.measure(REFERENCE_NOTIFICATIONS, REFERENCE_ROUNDS));
        long startNanos = System.nanoTime();
        try (LocalStack stack = LocalStack.start(settings);
             TopicOffsets topics = new TopicOffsets(settings.bootstrapServers());
             LedgerDatabase database = new LedgerDatabase(settings)) {
            // Ctrl-C or a SIGTERM must not leave five JVMs behind.
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
            report.line(String.format("Stack started (Kafka + 4 services, PostgreSQL) in %.1f s",
                    (System.nanoTime() - startNanos) / 1e9));
            NotificationStream stream = NotificationStream.generate(new LoadMix(bench.notifications(), bench.objects(),
                    bench.duplicateShare(), bench.reorderShare(), bench.seed(), "tp/", Instant.now()));
            reference(settings, stream);
            throughput(settings, database, topics, stream);
            List<Integer> rates = bench.freshnessRates();
            for (int phase = 0; phase < rates.size(); phase++) {
                target = new FreshnessRun(settings, bench, report).run(rates.get(phase), phase, database, topics, target);
            }
            if (bench.trailQueries()) {
                TrailQueryRun.onStack(settings, report).run();
            }
            memory();
            startup(stack);
        }
        report.line("");
        report.line("Report written to " + report.write(bench.reportDir()));
    }

    private void reference(StackSettings settings, NotificationStream stream) throws Exception {
        KafkaReference.Result raw = KafkaReference.run(settings.bootstrapServers(), "bench-reference",
                settings.partitions(), stream.deliveries());
        report.heading("Raw Kafka reference (same " + raw.records() + " records, same broker, scratch topic)");
        report.row("produce only", "consume only", "produce + consume (first send to last read)");
        report.row("---", "---", "---");
        report.row(rate(raw.produceRate()), rate(raw.consumeRate()), rate(raw.endToEndRate()));
    }

    private void throughput(StackSettings settings, LedgerDatabase database, TopicOffsets topics,
                            NotificationStream stream) throws Exception {
        long events = stream.expected().events();
        target = new LedgerProgress.Target(target.events() + events, target.objects() + stream.expected().objects().size());
        report.heading("End-to-end throughput, as fast as possible");
        report.line(String.format("%d notifications over %d objects: %.0f %% duplicates, %.0f %% of objects reordered;"
                        + " %d distinct changes expected", stream.deliveries().size(), bench.objects(),
                bench.duplicateShare() * 100, bench.reorderShare() * 100, events));
        Path jfr = bench.reportDir().resolve(bench.profileService() + ".jfr");
        List<byte[]> bodies = RgwJson.bodies(stream.deliveries());
        CpuMeter cpu = new CpuMeter();
        cpu.start();
        long start = System.nanoTime();
        long profiled = bench.profiling() ? StackProcesses.pid(bench.profileService()) : -1;
        if (bench.profiling()) {
            JfrProfile.start(profiled, Duration.ofSeconds(60), jfr);
        }
        Thread producing = new Thread(() -> {
            try (RgwProducer producer = new RgwProducer(settings.bootstrapServers())) {
                producer.send(LedgerProgress.NOTIFICATIONS, stream.deliveries(), bodies, 0, (d, i) -> { });
            }
        }, "bench-producer");
        producing.start();
        List<LedgerProgress> readings = new ArrayList<>();
        LedgerProgress last = LedgerProgress.awaitTarget(database, topics, start, target, bench.drainTimeout(),
                progress -> {
                    readings.add(progress);
                    System.out.println("[bench] " + progress);
                });
        double seconds = (System.nanoTime() - start) / 1e9;
        producing.join();
        Map<String, Double> spent = cpu.stop();
        boolean recorded = bench.profiling() && JfrProfile.stop(profiled, jfr);
        report.line("Last reading: " + last);
        report.line(last.reached(target) ? "" : "NOT COMPLETE within " + bench.drainTimeout().toMinutes() + " min.");
        double notificationsPerChange = (double) stream.deliveries().size() / events;
        String warm = SteadyRate.of(readings, target.events() - events, events)
                .map(changesPerSecond -> rate(changesPerSecond * notificationsPerChange)).orElse("n/a");
        report.row("notifications/s end to end", "distinct changes/s", "seconds",
                "notifications/s warm (20-80 % of the audit trail)",
                "CPU s per 1,000 notifications (stack: JVMs + PostgreSQL)", "CPU s per 1,000 (harness)");
        report.row("---", "---", "---", "---", "---", "---");
        report.row(rate(stream.deliveries().size() / seconds), rate(events / seconds), String.format("%.1f", seconds),
                warm, String.format("%.2f", cpu.stackSeconds() * 1000 / stream.deliveries().size()),
                String.format("%.2f", spent.get(CpuMeter.HARNESS) * 1000 / stream.deliveries().size()));
        report.line("");
        report.line("CPU seconds per process during the run: " + spent);
        if (recorded) {
            report.heading("Profile of " + bench.profileService() + "-service (JFR, the first 60 s of the throughput run at most)");
            report.line("```");
            report.line(JfrProfile.summary(jfr, 20));
            report.line("```");
        }
    }

    private void memory() {
        report.heading("Resident memory per process (VmHWM: peak since the process started; VmRSS: now)");
        report.row("process", "peak RSS MiB", "RSS now MiB");
        report.row("---", "---", "---");
        StackProcesses.find().forEach((name, pid) -> {
            ProcessSample sample = ProcessSample.of(pid);
            report.row(name, String.format("%.0f", sample.peakRssMib()), String.format("%.0f", sample.rssMib()));
        });
    }

    /**
     * Start-up time: each service killed (SIGKILL) and started again, until its readiness is UP,
     * a few rounds in turn, since one start on a shared 2-core machine varies by seconds.
     */
    private void startup(LocalStack stack) throws Exception {
        report.heading("Start-up to ready, per service (killed, then started again, stack under no load; "
                + bench.startupRounds() + " rounds)");
        report.row("service", "seconds to /health/ready UP, each round", "median");
        report.row("---", "---", "---");
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        for (int round = 0; round < bench.startupRounds(); round++) {
            for (String service : StackSettings.SERVICES) {
                long start = System.nanoTime();
                stack.restart(service, true);
                seconds.computeIfAbsent(service, s -> new ArrayList<>()).add((System.nanoTime() - start) / 1e9);
            }
        }
        seconds.forEach((service, times) -> report.row(service,
                times.stream().map(t -> String.format("%.1f", t)).collect(Collectors.joining(" / ")),
                String.format("%.1f", times.stream().sorted().toList().get(times.size() / 2))));
    }

    static String rate(double perSecond) {
        return String.format("%,.0f/s", perSecond);
    }
}
