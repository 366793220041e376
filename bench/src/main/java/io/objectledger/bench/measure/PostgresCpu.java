package io.objectledger.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU seconds of the machine's PostgreSQL server so far: every {@code postgres} process's own
 * user + system time, plus the postmaster's time of reaped children, so that backends that
 * ended during a run still count. PostgreSQL is not started by the harness, but it does the
 * ledger's writes and belongs to "all processes" of the stack.
 */
public final class PostgresCpu {

    private PostgresCpu() {
    }

    public static double seconds() {
        Map<Long, ProcStat> postgres;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            postgres = processes.map(dir -> dir.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(pid -> ProcStat.of(Long.parseLong(pid)))
                    .flatMap(Optional::stream)
                    .filter(stat -> stat.name().equals("postgres"))
                    .collect(Collectors.toMap(ProcStat::pid, Function.identity()));
        } catch (IOException e) {
            return 0;
        }
        long ticks = postgres.values().stream()
                // the postmaster is the postgres process whose parent is not one
                .mapToLong(stat -> stat.ownTicks()
                        + (postgres.containsKey(stat.parentPid()) ? 0 : stat.reapedChildrenTicks()))
                .sum();
        return ticks / ProcStat.TICKS_PER_SECOND;
    }
}
