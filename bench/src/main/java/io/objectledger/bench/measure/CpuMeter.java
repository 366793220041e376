package io.objectledger.bench.measure;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU seconds the stack's JVMs, PostgreSQL (and this harness) spent between {@link #start()} and
 * {@link #stop()}.
 */
public final class CpuMeter {

    public static final String HARNESS = "harness";
    public static final String POSTGRES = "postgres";

    private final Map<String, Double> atStart = new LinkedHashMap<>();
    private final Map<String, Double> spent = new LinkedHashMap<>();

    public void start() {
        atStart.clear();
        StackProcesses.find().forEach((name, pid) -> atStart.put(name, ProcessSample.of(pid).cpuSeconds()));
        atStart.put(HARNESS, ProcessSample.of(ProcessHandle.current().pid()).cpuSeconds());
        atStart.put(POSTGRES, PostgresCpu.seconds());
    }

    public Map<String, Double> stop() {
        spent.clear();
        Map<String, Long> pids = new LinkedHashMap<>(StackProcesses.find());
        pids.put(HARNESS, ProcessHandle.current().pid());
        pids.forEach((name, pid) -> spent.put(name,
                ProcessSample.of(pid).cpuSeconds() - atStart.getOrDefault(name, 0.0)));
        spent.put(POSTGRES, PostgresCpu.seconds() - atStart.get(POSTGRES));
        return Map.copyOf(spent);
    }

    /** All processes of the stack, without the harness that generates the load. */
    public double stackSeconds() {
        return spent.entrySet().stream().filter(e -> !e.getKey().equals(HARNESS))
                .mapToDouble(Map.Entry::getValue).sum();
    }
}
