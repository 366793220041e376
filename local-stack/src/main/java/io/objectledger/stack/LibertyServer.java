package io.objectledger.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/** One service's Liberty server, as built by the Liberty Maven plugin, run in the foreground. */
final class LibertyServer implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);

    private final String name;
    private final StackSettings settings;
    private final Path output;
    private final ClassDataArchive classData;
    private final CleanWorkarea workarea;
    private ChildProcess process;
    private final ReentrantLock lock = new ReentrantLock();

    LibertyServer(String name, StackSettings settings) {
        this.name = name;
        this.settings = settings;
        this.output = settings.work().resolve("liberty");
        this.classData = settings.classData()
                ? new ClassDataArchive(settings.libertyServers().resolveSibling("class-data").resolve(name + ".jsa"))
                : null;
        this.workarea = new CleanWorkarea(output.resolve(name));
    }

    void start() throws IOException {
        Path script = settings.libertyServers().resolve("bin/server");
        if (!Files.isDirectory(settings.libertyServers().resolve("usr/servers").resolve(name))) {
            throw new IllegalStateException("No Liberty server '" + name + "' under " + settings.libertyServers()
                    + ": build the project first (./mvnw package)");
        }
        Files.createDirectories(output);
        workarea.restore();
        process = ChildProcess.start(name, List.of(script.toString(), "run", name), environment(),
                settings.work().resolve(name + ".log"));
    }

    private Map<String, String> environment() throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("WLP_OUTPUT_DIR", output.toAbsolutePath().toString());
        env.put("HTTP_PORT", String.valueOf(settings.httpPort(name)));
        env.put("KAFKA_BOOTSTRAP_SERVERS", settings.bootstrapServers());
        env.put("DB_URL", settings.databaseUrl(name));
        env.put("LEDGER_INGEST_TOKENS", String.join(",", settings.ingestTokens()));
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", settings.keyDirectory().resolve("public-key.pem").toUri().toString());
        env.put("MP_JWT_VERIFY_ISSUER", AccessTokens.ISSUER);
        env.put("MP_JWT_VERIFY_AUDIENCES", AccessTokens.AUDIENCE);
        if (name.equals("audit")) {
            Path checkpointKey = CheckpointSigningKey.in(settings.keyDirectory());
            env.put("AUDIT_CHECKPOINT_PRIVATE_KEY_FILE", checkpointKey.resolve("private-key.pem").toString());
            env.put("AUDIT_CHECKPOINT_PUBLIC_KEY_FILE", checkpointKey.resolve("public-key.pem").toString());
        }
        settings.passThrough().forEach(env::put);
        if (classData != null) {
            // Liberty's bootstrap agent (its vendor metrics: connection pools, thread pools, HTTP
            // durations) would make the JVM refuse to write an archive for production use.
            env.put("WLP_SKIP_BOOTSTRAP_AGENT", "true");
            env.merge("JVM_ARGS", classData.jvmOption(), (given, option) -> given + " " + option);
        }
        if (settings.postgres()) {
            env.put("DB_DATASOURCE_CLASS", "org.postgresql.ds.PGSimpleDataSource");
            env.put("DB_USER", settings.postgresUser());
            if (name.equals("audit")) {
                env.put("DB_OWNER_USER", settings.postgresUser());
                env.put("DB_USER", settings.auditWriter());
            }
        }
        return env;
    }

    /** Polls {@code /health/ready} until it answers 200, or fails after a deadline. */
    void awaitReady(HttpClient http) throws InterruptedException {
        URI ready = URI.create(settings.baseUrl(name) + "/health/ready");
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            process.assertAlive();
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(ready)
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException notListeningYet) {
                last = notListeningYet.toString();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " was not ready within " + READY_TIMEOUT + " (last answer: " + last
                + "); see " + logFile());
    }

    /** Held while the server is being restarted, so the supervisor and a test do not both do it. */
    ReentrantLock lock() {
        return lock;
    }

    /** False only when the server answers its liveness probe with DOWN. */
    boolean isLive(HttpClient http) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(settings.baseUrl(name) + "/health/live")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() != 503;
        } catch (IOException notAnswering) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** True until a clean stop has left a workarea to start from, or while the class-data archive is missing. */
    boolean cold() {
        return !workarea.isSaved() || (classData != null && classData.writtenAtExit());
    }

    /** False when a clean stop that was to write the class-data archive did not. */
    boolean hasClassData() {
        return classData != null && classData.exists();
    }

    /** Stops the server the hard way, as a crash or an OOM kill would. */
    void kill() {
        process.kill();
    }

    /** Stops the server cleanly (the JVM writes a missing class-data archive) and keeps its workarea. */
    void stop() throws IOException {
        process.stop(Duration.ofSeconds(30));
        workarea.save();
    }

    Path logFile() {
        return output.resolve(name).resolve("logs/messages.log");
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        if (process != null) {
            try {
                stop();
            } catch (IOException e) {
                System.out.println("[local-stack] Could not keep " + name + "-service's workarea for its next start: " + e);
            }
        }
    }
}
