package io.objectledger.stack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A process of the stack, its output in a log file, stopped with its whole process tree. */
record ChildProcess(String name, Process process, Path log) {

    static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path log)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return new ChildProcess(name, builder.start(), log);
    }

    static void runToEnd(List<String> command, Path log, Duration timeout) throws IOException, InterruptedException {
        ChildProcess child = start(command.get(command.size() - 1), command, Map.of(), log);
        if (!child.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || child.process.exitValue() != 0) {
            child.process.destroyForcibly();
            throw new IllegalStateException("Command failed: " + String.join(" ", command.subList(0, 1))
                    + " ... ; see " + log);
        }
    }

    void assertAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see " + log);
        }
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL to the tree: no shutdown hooks, no clean close. */
    void kill() {
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
            for (ProcessHandle child : tree) {
                child.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not kill " + name, e);
        }
    }

    /** SIGTERM to the tree (Liberty and Kafka both shut down cleanly on it), then SIGKILL if needed. */
    void stop(Duration grace) {
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
            for (ProcessHandle child : tree) {
                child.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (Exception e) {
            tree.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
