package io.objectledger.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where and how the local stack runs, from system properties. Defaults give the embedded setup
 * on the standard ports: Kafka on 9092, ingest/lifecycle/catalog/audit on 9080..9083.
 *
 * @param db    {@code h2} (an embedded file database per service) or {@code postgresql}
 * @param fresh        start from empty Kafka and database state
 * @param ingestTokens   push tokens the ingest endpoint accepts; the first is the one to use
 * @param databasePrefix PostgreSQL database names are this plus the service name
 * @param classData    start the servers from class-data archives, made on the first start of a build
 */
public record StackSettings(Path root, Path work, int kafkaPort, int httpPortBase, String db,
                            String postgresUrl, String postgresUser, boolean fresh, int partitions,
                            List<String> ingestTokens, String databasePrefix, boolean classData) {

    public static final List<String> SERVICES = List.of("ingest", "lifecycle", "catalog", "audit");

    public static StackSettings fromSystemProperties() {
        Path root = Path.of(System.getProperty("stack.root", ".")).toAbsolutePath().normalize();
        return new StackSettings(
                root,
                Path.of(System.getProperty("stack.work", root.resolve("target/local-stack").toString())),
                Integer.getInteger("stack.kafka.port", 9092),
                Integer.getInteger("stack.http.port.base", 9080),
                System.getProperty("stack.db", "h2"),
                System.getProperty("stack.postgres.url", "jdbc:postgresql://127.0.0.1:5432/"),
                System.getProperty("stack.postgres.user", "postgres"),
                Boolean.getBoolean("stack.fresh"),
                Integer.getInteger("stack.partitions", 3),
                List.of(System.getProperty("stack.ingest.tokens", "local-dev-token").split(",")),
                System.getProperty("stack.db.prefix", "ledger_"),
                Boolean.parseBoolean(System.getProperty("stack.class-data", "true")));
    }

    /** The URL to give RGW as its push endpoint, token in the path as RGW 16.2 needs it. */
    public String pushEndpoint() {
        return baseUrl("ingest") + "/api/rgw/notifications/" + ingestTokens.get(0);
    }

    /**
     * Service settings given to the stack as {@code -Dstack.env.NAME=value}, passed to every
     * service as the environment variable NAME (e.g. LEDGER_POLICY_FILE, LEDGER_S3_ENDPOINT).
     */
    public Map<String, String> passThrough() {
        Map<String, String> env = new TreeMap<>();
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("stack.env."))
                .forEach(name -> env.put(name.substring("stack.env.".length()), System.getProperty(name)));
        return env;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    public int httpPort(String service) {
        return httpPortBase + SERVICES.indexOf(service);
    }

    public String baseUrl(String service) {
        return "http://localhost:" + httpPort(service);
    }

    public boolean postgres() {
        return "postgresql".equals(db);
    }

    /**
     * Each service owns its database; on PostgreSQL one database per service on the server, with
     * the driver sending a JDBC batch of inserts as multi-row inserts (as the kustomize base does).
     */
    public String databaseUrl(String service) {
        return postgres()
                ? postgresUrl + databaseName(service) + "?reWriteBatchedInserts=true"
                // Without WRITE_DELAY=0, H2 holds the last ~0.5 s of commits in memory: a killed service loses them.
                : "jdbc:h2:file:" + work.resolve("data").resolve(service).toAbsolutePath() + ";WRITE_DELAY=0";
    }

    public String databaseName(String service) {
        return databasePrefix + service;
    }

    /**
     * On PostgreSQL, the user audit-service writes the trail as: not the owner of its tables
     * ({@link #postgresUser()} migrates them), so it may append and read, never update or delete.
     */
    public String auditWriter() {
        return databaseName("audit") + "_writer";
    }

    /** The local issuer's key pair; the private key stays here. */
    public Path keyDirectory() {
        return work.resolve("jwt");
    }

    /** A ready-to-use token per role, {@code <role>.jwt}, written at every start. */
    public Path tokenDirectory() {
        return work.resolve("tokens");
    }

    public Path libertyServers() {
        return root.resolve("target/liberty/wlp");
    }
}
