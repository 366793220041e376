package io.objectledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The machine the numbers come from, and whether anything else was running on it. */
public final class Machine {

    private Machine() {
    }

    public static String describe() {
        long memoryKib = field("/proc/meminfo", "MemTotal:");
        return Runtime.getRuntime().availableProcessors() + " cores, " + (memoryKib / 1024 / 1024) + " GiB RAM, JDK "
                + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name") + "), "
                + System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Other JVMs on the machine than this one and its children, by command line tail. */
    public static List<String> otherJvms() {
        long self = ProcessHandle.current().pid();
        List<Long> mine = ProcessHandle.current().descendants().map(ProcessHandle::pid).toList();
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self && !mine.contains(p.pid()))
                .filter(p -> p.info().command().map(c -> c.endsWith("/java") || c.endsWith("java")).orElse(false))
                .map(p -> p.pid() + " " + tail(p.info().commandLine().orElse("?")))
                .toList();
    }

    /**
     * Waits, up to {@code timeout}, for a concurrent CI run's log to end with its {@code EXIT}
     * line; answers what was seen, for the report.
     */
    public static String awaitIdle(Path ciLog, Duration timeout) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!finished(ciLog) || otherStackRunning()) {
            if (System.nanoTime() > deadline) {
                return "after " + timeout.toMinutes() + " min the machine was still busy (CI log: " + lastLine(ciLog)
                        + "; another stack running: " + otherStackRunning() + "): measured anyway";
            }
            System.out.println("[bench] waiting for the CI run (" + ciLog + ") and any other stack to finish ...");
            Thread.sleep(15_000);
        }
        return "no CI run (" + ciLog + ": " + lastLine(ciLog) + ") and no other Liberty or Kafka JVM running";
    }

    private static boolean otherStackRunning() {
        List<Long> mine = ProcessHandle.current().descendants().map(ProcessHandle::pid).toList();
        return ProcessHandle.allProcesses().filter(p -> !mine.contains(p.pid()))
                .map(p -> p.info().commandLine().orElse(""))
                .anyMatch(line -> line.contains("ws-server.jar") || line.contains("kafka.Kafka "));
    }

    private static boolean finished(Path ciLog) throws IOException {
        return !Files.exists(ciLog) || lastLine(ciLog).startsWith("EXIT ");
    }

    private static String lastLine(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "absent";
        }
        List<String> lines = Files.readAllLines(file, java.nio.charset.StandardCharsets.ISO_8859_1);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return lines.get(i).trim();
            }
        }
        return "";
    }

    private static String tail(String commandLine) {
        return commandLine.length() <= 120 ? commandLine : "..." + commandLine.substring(commandLine.length() - 117);
    }

    private static long field(String file, String name) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(name)).findFirst()
                    .map(l -> Long.parseLong(l.substring(name.length()).replace("kB", "").trim())).orElse(0L);
        } catch (IOException e) {
            return 0;
        }
    }
}
