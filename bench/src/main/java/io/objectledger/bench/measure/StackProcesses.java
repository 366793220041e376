package io.objectledger.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The JVMs of the stack this process started, by name: {@code kafka} and the four Liberty
 * servers ({@code ws-server.jar <name>}). Looked up again after every restart.
 */
public final class StackProcesses {

    public static final String[] NAMES = {"kafka", "ingest", "lifecycle", "catalog", "audit"};

    private StackProcesses() {
    }

    public static Map<String, Long> find() {
        Map<String, Long> pids = new LinkedHashMap<>();
        ProcessHandle.current().descendants().forEach(process -> name(process.pid())
                .ifPresent(name -> pids.put(name, process.pid())));
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (String name : NAMES) {
            if (pids.containsKey(name)) {
                ordered.put(name, pids.get(name));
            }
        }
        return ordered;
    }

    public static long pid(String name) {
        Long pid = find().get(name);
        if (pid == null) {
            throw new IllegalStateException("no running " + name + " JVM under this process");
        }
        return pid;
    }

    private static Optional<String> name(long pid) {
        String[] args;
        try {
            args = Files.readString(Path.of("/proc", String.valueOf(pid), "cmdline")).split("\0");
        } catch (IOException gone) {
            return Optional.empty();
        }
        String line = String.join(" ", args);
        if (line.contains("kafka.Kafka ")) {
            return Optional.of("kafka");
        }
        if (line.contains("ws-server.jar") && args.length > 0) {
            return Optional.of(args[args.length - 1]);
        }
        return Optional.empty();
    }
}
