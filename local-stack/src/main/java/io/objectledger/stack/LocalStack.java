package io.objectledger.stack;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The whole Object Ledger on one machine: Kafka, then the four services, each waited for until
 * its readiness check is UP. {@link #main} runs it until Ctrl-C; tests start it in-process.
 */
public final class LocalStack implements AutoCloseable {

    private static final Duration LIVENESS_PERIOD = Duration.ofSeconds(10);

    private volatile boolean closing;

    public static final List<String> TOPICS = List.of("rgw-notifications", "rgw-notifications-dlq",
            "object-commands", "object-commands-dlq", "object-lifecycle-events", "object-ledger-checkpoints");

    private final StackSettings settings;
    private final KafkaBroker kafka;
    private Map<String, String> tokens = Map.of();
    private final List<LibertyServer> servers = new ArrayList<>();
    private final ScheduledExecutorService supervisor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "local-stack-supervisor");
        thread.setDaemon(true);
        return thread;
    });

    private LocalStack(StackSettings settings) {
        this.settings = settings;
        this.kafka = new KafkaBroker(settings);
    }

    public static LocalStack start(StackSettings settings) throws Exception {
        LocalStack stack = new LocalStack(settings);
        try {
            stack.startAll();
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() throws Exception {
        if (settings.fresh()) {
            Directories.delete(settings.work());
        }
        Files.createDirectories(settings.work());
        AccessTokens issuer = AccessTokens.in(settings.keyDirectory());
        tokens = issuer.writeLocalTokens(settings.tokenDirectory());
        log("Starting Kafka on " + settings.bootstrapServers() + " (data in " + settings.work().resolve("kafka") + ")");
        kafka.start();
        kafka.createTopics(TOPICS);
        if (settings.postgres()) {
            log("Preparing PostgreSQL databases at " + settings.postgresUrl());
            PostgresDatabases.prepare(settings);
        }
        for (String service : StackSettings.SERVICES) {
            LibertyServer server = new LibertyServer(service, settings);
            server.start();
            servers.add(server);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (LibertyServer server : servers) {
            server.awaitReady(http);
            log(server.name() + "-service ready at " + settings.baseUrl(server.name()));
        }
        warmUp(http);
        supervisor.scheduleWithFixedDelay(() -> servers.forEach(server -> superviseLiveness(server, http)),
                LIVENESS_PERIOD.toSeconds(), LIVENESS_PERIOD.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * On the first start in a work directory, stops the servers cleanly and starts them again:
     * the stop leaves a clean, warm workarea every later start begins from (as a container's
     * image does), and on the first start of a build each JVM writes its class-data archive.
     * From then on a server, also one restarted after a crash, starts in about half the time.
     */
    private void warmUp(HttpClient http) throws IOException, InterruptedException {
        List<LibertyServer> cold = servers.stream().filter(LibertyServer::cold).toList();
        if (cold.isEmpty()) {
            return;
        }
        log("First start here: restarting " + cold.stream().map(LibertyServer::name).toList()
                + " once, so that every later start begins warm (clean workarea, class-data archive)");
        for (LibertyServer server : cold) {
            server.stop();
            if (settings.classData() && !server.hasClassData()) {
                log(server.name() + "-service wrote no class-data archive; it starts without one (see "
                        + settings.work().resolve(server.name() + ".log") + ")");
            }
            server.start();
        }
        for (LibertyServer server : cold) {
            server.awaitReady(http);
        }
    }

    /** What Kubernetes does with the liveness probe: a service whose /health/live is DOWN is restarted. */
    private void superviseLiveness(LibertyServer server, HttpClient http) {
        if (closing || !server.lock().tryLock()) {
            return;
        }
        try {
            if (server.isLive(http)) {
                return;
            }
            log(server.name() + "-service reports liveness DOWN; restarting it, as Kubernetes would");
            server.kill();
            server.start();
            server.awaitReady(http);
            log(server.name() + "-service ready again");
        } catch (Exception e) {
            log("Could not restart " + server.name() + "-service: " + e.getMessage());
        } finally {
            server.lock().unlock();
        }
    }

    public StackSettings settings() {
        return settings;
    }

    /** The tokens written at this start, by name (a role, or catalog-reader-t1). */
    public Map<String, String> tokens() {
        return tokens;
    }

    public long kafkaPid() {
        return kafka.pid();
    }

    /** Stops the broker, e.g. to test an outage; {@link #startKafka()} brings it back. */
    public void stopKafka() {
        log("Stopping Kafka");
        kafka.stop();
    }

    /** Kills the broker with SIGKILL; {@link #startKafka()} brings it back. */
    public void killKafka() {
        log("Killing Kafka");
        kafka.kill();
    }

    public void startKafka() throws IOException, InterruptedException {
        log("Starting Kafka again");
        kafka.start();
    }

    /** Waits until every service answers ready, e.g. after an outage of the database. */
    public void awaitAllReady() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (LibertyServer server : servers) {
            server.awaitReady(http);
        }
    }

    /** Stops a service (cleanly, or by SIGKILL) and starts it again, waiting until it is ready. */
    public void restart(String service, boolean kill) throws IOException, InterruptedException {
        LibertyServer server = servers.stream().filter(s -> s.name().equals(service)).findFirst().orElseThrow();
        server.lock().lock();
        try {
            log((kill ? "Killing " : "Stopping ") + service + "-service");
            if (kill) {
                server.kill();
            } else {
                server.stop();
            }
            server.start();
            server.awaitReady(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
            log(service + "-service ready again");
        } finally {
            server.lock().unlock();
        }
    }

    @Override
    public void close() {
        closing = true;
        supervisor.shutdownNow();
        try {
            // A restart in progress finishes first, so the server it starts is stopped below.
            supervisor.awaitTermination(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Services first, so none of them records a broker outage on the way down.
        for (int i = servers.size() - 1; i >= 0; i--) {
            servers.get(i).close();
        }
        kafka.close();
    }

    private static void log(String message) {
        System.out.println("[local-stack] " + message);
    }

    public static void main(String[] args) throws Exception {
        StackSettings settings = StackSettings.fromSystemProperties();
        LocalStack stack = start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log("Stopping the services and Kafka ...");
            stack.close();
            log("Stopped.");
        }));
        System.out.println();
        System.out.println("Object Ledger is running (" + settings.db() + " database). Ctrl-C stops everything.");
        System.out.println("  Kafka bootstrap servers   " + settings.bootstrapServers());
        System.out.println("  RGW HTTP push endpoint    " + settings.pushEndpoint());
        System.out.println("  Catalog                   " + settings.baseUrl("catalog") + "/api/catalog/{bucket}[/object?key=...]");
        System.out.println("  Audit history             " + settings.baseUrl("audit") + "/api/audit/{bucket}/object?key=...");
        for (String service : StackSettings.SERVICES) {
            // lifecycle-service has no HTTP API, so no OpenAPI document
            String openApi = service.equals("lifecycle") ? "" : "  " + settings.baseUrl(service) + "/openapi";
            System.out.printf("  %-25s %s/health/ready%s%n", service + "-service", settings.baseUrl(service), openApi);
        }
        System.out.println("  Logs                      " + settings.work());
        System.out.println();
        System.out.println("Tokens for the APIs (24 h; new ones at every start), also in " + settings.tokenDirectory() + ":");
        stack.tokens().forEach((name, token) -> System.out.printf("  %-18s %s%n", name, token));
        Thread.currentThread().join();
    }
}
