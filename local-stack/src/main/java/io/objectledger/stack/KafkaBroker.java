package io.objectledger.stack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one) in its own JVM, from the
 * Kafka jars on Maven Central, bound to loopback, with its data under the stack's directory.
 */
final class KafkaBroker implements AutoCloseable {

    private static final String CLUSTER_ID = "b2JqZWN0LWxlZGdlci0xAA";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final StackSettings settings;
    private final Path home;
    private ChildProcess process;

    KafkaBroker(StackSettings settings) {
        this.settings = settings;
        this.home = settings.work().resolve("kafka");
    }

    void start() throws IOException, InterruptedException {
        Files.createDirectories(home);
        Path config = writeConfig();
        Path logConfig = writeLogConfig();
        String classpath = Files.readString(classpathFile()).trim();
        if (!Files.exists(home.resolve("data/meta.properties"))) {
            ChildProcess.runToEnd(List.of(java(), "-cp", classpath, "-Dlog4j2.configurationFile=" + logConfig,
                    "kafka.tools.StorageTool", "format", "-t", CLUSTER_ID, "-c", config.toString()),
                    home.resolve("format.log"), Duration.ofSeconds(60));
        }
        // C1 only, as the services: for minutes of work on a few shared cores, C2's compiler threads
        // would take much of the broker's CPU and repay it too late.
        process = ChildProcess.start("kafka", List.of(java(), "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp", classpath, "-Dlog4j2.configurationFile=" + logConfig, "kafka.Kafka", config.toString()),
                Map.of(), home.resolve("kafka.log"));
        awaitReady();
    }

    /** The ledger's topics, created up front with the stack's partition count. */
    void createTopics(Collection<String> topics) throws InterruptedException {
        try (Admin admin = admin()) {
            for (String topic : topics) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, settings.partitions(), (short) 1)))
                            .all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + topic + ": " + e.getCause(), e);
                    }
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new IllegalStateException("Timed out creating topic " + topic, e);
                }
            }
        }
    }

    private void awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        try (Admin admin = admin()) {
            while (Instant.now().isBefore(deadline)) {
                process.assertAlive();
                try {
                    if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | java.util.concurrent.TimeoutException notYet) {
                    Thread.sleep(200);
                }
            }
        }
        throw new IllegalStateException("Kafka did not start within " + START_TIMEOUT + "; see " + home.resolve("kafka.log"));
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
    }

    private Path writeConfig() throws IOException {
        int port = settings.kafkaPort();
        int controllerPort = port + 1;
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + home.resolve("data").toAbsolutePath(),
                "num.partitions=" + settings.partitions(),
                // One broker: every internal topic has a single replica, or consumers hang.
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "");
        Path file = home.resolve("server.properties");
        Files.writeString(file, properties);
        return file;
    }

    private Path writeLogConfig() throws IOException {
        Path file = home.resolve("log4j2.properties");
        Files.writeString(file, String.join("\n",
                "appender.out.type=Console",
                "appender.out.name=out",
                "appender.out.layout.type=PatternLayout",
                "appender.out.layout.pattern=[%d] %p %m (%c)%n",
                "rootLogger.level=WARN",
                "rootLogger.appenderRef.out.ref=out",
                "logger.kafka.name=kafka.server.KafkaRaftServer",
                "logger.kafka.level=INFO",
                ""));
        return file;
    }

    private Path classpathFile() {
        Path file = settings.root().resolve("local-stack/target/kafka-broker.classpath");
        if (!Files.exists(file)) {
            throw new UncheckedIOException(new IOException(file + " is missing: build the project first ("
                    + "./mvnw package)"));
        }
        return file;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    long pid() {
        return process.pid();
    }

    /** Kills the broker (SIGKILL), as a crash would; {@link #start()} brings it back. */
    void kill() {
        process.kill();
        process = null;
    }

    /** Stops the broker; {@link #start()} brings it back on the same port with the same data. */
    void stop() {
        process.stop(Duration.ofSeconds(30));
        process = null;
    }

    @Override
    public void close() {
        if (process != null) {
            stop();
        }
    }
}
