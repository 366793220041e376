package io.objectledger.bench.measure;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A flight recording of a running service JVM, started with {@code jcmd} (the services' JVM
 * options stay as they are), summarised as the methods most often on CPU: by top frame (self)
 * and anywhere in the stack (inclusive).
 */
public final class JfrProfile {

    /** Inclusive counts only for the ledger and the libraries it calls: every stack contains Thread.run. */
    private static final java.util.regex.Pattern OWN_AND_LIBRARIES = java.util.regex.Pattern.compile(
            "io\\.objectledger|org\\.axonframework|org\\.postgresql|org\\.apache\\.kafka|com\\.fasterxml"
                    + "|io\\.cloudevents|io\\.smallrye|com\\.ibm\\.ws\\.microprofile\\.reactive");

    private static final Set<String> WAITS = Set.of("jdk.SocketRead", "jdk.ThreadPark", "jdk.JavaMonitorWait",
            "jdk.JavaMonitorEnter");
    /** Threads whose waiting is their job: pollers and timers idle by design. */
    private static final java.util.regex.Pattern IDLE_THREADS = java.util.regex.Pattern.compile(
            "kafka-producer-network-thread|Executor Service|Timer|Scheduled|Signal|Reference|Finalizer|Attach");

    private JfrProfile() {
    }

    public static void start(long pid, Duration duration, Path file) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid), "JFR.start", "name=bench", "settings=profile",
                "duration=" + duration.toSeconds() + "s", "filename=" + file.toAbsolutePath())
                .redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        if (!jcmd.waitFor(30, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IllegalStateException("jcmd JFR.start failed: " + output);
        }
    }

    /**
     * Ends the recording and writes it, if it is still running (a run shorter than its duration);
     * a recording that ran its course has written the file already. True if the file holds one.
     */
    public static boolean stop(long pid, Path file) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid), "JFR.stop", "name=bench", "filename=" + file.toAbsolutePath())
                .redirectErrorStream(true).start();
        jcmd.getInputStream().readAllBytes();
        jcmd.waitFor(30, TimeUnit.SECONDS);
        return Files.exists(file) && Files.size(file) > 0;
    }

    /** The {@code top} methods by self and by inclusive samples, as lines of a report. */
    public static void main(String[] args) throws IOException {
        System.out.println(summary(Path.of(args[0]), 20));
    }

    public static String summary(Path file, int top) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            RecordedStackTrace stack = event.getStackTrace();
            List<RecordedFrame> frames = stack.getFrames();
            if (!frames.isEmpty()) {
                self.merge(method(frames.get(0)), 1, Integer::sum);
            }
            Set<String> seen = new HashSet<>();
            frames.forEach(frame -> {
                if (OWN_AND_LIBRARIES.matcher(method(frame)).lookingAt() && seen.add(method(frame))) {
                    inclusive.merge(method(frame), 1, Integer::sum);
                }
            });
        }
        return "Execution samples: " + samples + "\n\nSelf (top frame):\n" + table(self, samples, top)
                + "\nInclusive (anywhere in the stack; ledger and library frames):\n" + table(inclusive, samples, top)
                + "\n" + waits(file, top);
    }

    /**
     * Where threads wait rather than run (socket reads, parking, monitor waits over JFR's
     * threshold), in seconds, by the innermost ledger or library frame that waited: a service that
     * handles one message at a time spends its wall-clock time here, not on CPU.
     */
    static String waits(Path file, int top) throws IOException {
        Map<String, Double> seconds = new HashMap<>();
        double total = 0;
        double gc = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            String type = event.getEventType().getName();
            if (type.equals("jdk.GarbageCollection")) {
                gc += event.getDuration().toNanos() / 1e9;
            }
            if (!WAITS.contains(type) || event.getStackTrace() == null) {
                continue;
            }
            String thread = event.getThread() == null ? "" : event.getThread().getJavaName();
            if (IDLE_THREADS.matcher(String.valueOf(thread)).find()) {
                continue;
            }
            String where = event.getStackTrace().getFrames().stream().map(JfrProfile::method)
                    .filter(m -> OWN_AND_LIBRARIES.matcher(m).lookingAt()).findFirst().orElse("(JDK/Liberty only)");
            double duration = event.getDuration().toNanos() / 1e9;
            seconds.merge(type.substring(4) + " in " + where, duration, Double::sum);
            total += duration;
        }
        StringBuilder lines = new StringBuilder(String.format("Waiting (s, over the recording; GC pauses %.1f s):%n", gc));
        seconds.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(top)
                .forEach(e -> lines.append(String.format("  %7.1f s  %s%n", e.getValue(), e.getKey())));
        return lines.append(String.format("  %7.1f s  in all%n", total)).toString();
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static String table(Map<String, Integer> counts, int samples, int top) {
        Map<String, Integer> sorted = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        StringBuilder lines = new StringBuilder();
        sorted.forEach((method, count) -> lines.append(String.format("  %5.1f%%  %s%n",
                100.0 * count / Math.max(1, samples), method)));
        return lines.toString();
    }
}
