package io.objectledger.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's CPU time so far and its resident memory, from {@code /proc}: user + system clock
 * ticks (field 14 and 15 of {@code stat}, 100 per second on Linux), current and peak resident
 * set ({@code VmRSS}, {@code VmHWM}).
 */
public record ProcessSample(long pid, double cpuSeconds, long rssKib, long peakRssKib) {

    public static ProcessSample of(long pid) {
        try {
            double cpuSeconds = ProcStat.of(pid).map(ProcStat::ownSeconds).orElse(0.0);
            String status = Files.readString(Path.of("/proc", String.valueOf(pid), "status"));
            return new ProcessSample(pid, cpuSeconds, kib(status, "VmRSS:"), kib(status, "VmHWM:"));
        } catch (IOException e) {
            return new ProcessSample(pid, 0, 0, 0);
        }
    }

    private static long kib(String status, String field) {
        for (String line : status.split("\n")) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).replace("kB", "").trim());
            }
        }
        return 0;
    }

    public double rssMib() {
        return rssKib / 1024.0;
    }

    public double peakRssMib() {
        return peakRssKib / 1024.0;
    }
}
