package io.objectledger.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU seconds of the machine's PostgreSQL server so far: every {@code postgres} process's own
 * user + system time, plus the postmaster's time of reaped children (fields 16 and 17 of
 * {@code stat}), so that backends that ended during a run still count. PostgreSQL is not started
 * by the harness, but it does the ledger's writes and belongs to "all processes" of the stack.
 */
public final class PostgresCpu {

    private static final double TICKS_PER_SECOND = 100.0;

    private PostgresCpu() {
    }

    public static double seconds() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(dir -> dir.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToDouble(PostgresCpu::secondsOf).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static double secondsOf(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            if (!name.equals("postgres")) {
                return 0;
            }
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            boolean postmaster = !isPostgres(Long.parseLong(fields[1]));
            long children = postmaster ? Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : 0;
            return (own + children) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static boolean isPostgres(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).equals("postgres");
        } catch (IOException | RuntimeException gone) {
            return false;
        }
    }
}
