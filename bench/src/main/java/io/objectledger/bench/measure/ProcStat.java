package io.objectledger.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One process's {@code /proc/<pid>/stat}: its command name, parent, and CPU clock ticks (user +
 * system of its own, and of its reaped children), at 100 ticks per second on Linux.
 */
record ProcStat(long pid, String name, long parentPid, long ownTicks, long reapedChildrenTicks) {

    static final double TICKS_PER_SECOND = 100.0;

    static Optional<ProcStat> of(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // The command name (field 2) may hold spaces; the fields after it are fixed.
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(new ProcStat(pid, name, Long.parseLong(fields[1]),
                    Long.parseLong(fields[11]) + Long.parseLong(fields[12]),
                    Long.parseLong(fields[13]) + Long.parseLong(fields[14])));
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }

    double ownSeconds() {
        return ownTicks / TICKS_PER_SECOND;
    }
}
