package io.objectledger.bench.fault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Kills the machine's PostgreSQL postmaster with SIGKILL (a crash: no checkpoint, its backends
 * die with it) and starts the cluster again with {@code pg_ctlcluster}. This is the one server
 * on the machine, so nothing else may be using it during a fault run.
 */
final class PostgresCrash {

    private static final Duration RESTART_DEADLINE = Duration.ofSeconds(120);

    private PostgresCrash() {
    }

    static void crashAndRestart() throws Exception {
        String[] cluster = cluster();
        String version = cluster[0];
        String name = cluster[1];
        Path dataDir = Path.of(cluster[5]);
        long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle process = ProcessHandle.of(postmaster).orElseThrow(
                () -> new IllegalStateException("no PostgreSQL postmaster with pid " + postmaster));
        process.destroyForcibly();
        process.onExit().get(30, TimeUnit.SECONDS);
        // Until the old backends have noticed and exited, a new postmaster refuses to start.
        Instant deadline = Instant.now().plus(RESTART_DEADLINE);
        while (!start(version, name)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("PostgreSQL " + version + "/" + name + " did not start again within "
                        + RESTART_DEADLINE);
            }
            Thread.sleep(500);
        }
    }

    /** The first cluster of {@code pg_lsclusters -h}: version, name, port, status, owner, data directory. */
    private static String[] cluster() throws IOException, InterruptedException {
        Process list = new ProcessBuilder("pg_lsclusters", "-h").redirectErrorStream(true).start();
        List<String> lines = new String(list.getInputStream().readAllBytes()).lines().toList();
        list.waitFor();
        if (lines.isEmpty()) {
            throw new IllegalStateException("pg_lsclusters lists no PostgreSQL cluster");
        }
        return lines.get(0).trim().split("\\s+");
    }

    private static boolean start(String version, String name) throws IOException, InterruptedException {
        Process start = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", version, name, "start")
                .redirectErrorStream(true).start();
        start.getInputStream().transferTo(System.out);
        return start.waitFor() == 0
                && new ProcessBuilder("pg_isready", "-q", "-h", "127.0.0.1").start().waitFor() == 0;
    }
}
