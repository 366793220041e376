package io.objectledger.support.kafka;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;

/** Where the service's Kafka clients connect, as whom, and with which {@link KafkaTuning}. */
@ApplicationScoped
public class KafkaClientSettings {

    @Inject
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    @ConfigProperty(name = "ledger.service.name")
    String serviceName;

    @Inject
    @ConfigProperty(name = "kafka.consumer.session.timeout.ms", defaultValue = "" + KafkaTuning.DEFAULT_SESSION_TIMEOUT_MS)
    int sessionTimeoutMs;

    @Inject
    @ConfigProperty(name = "kafka.consumer.heartbeat.interval.ms",
            defaultValue = "" + KafkaTuning.DEFAULT_HEARTBEAT_INTERVAL_MS)
    int heartbeatIntervalMs;

    @Inject
    @ConfigProperty(name = "kafka.consumer.fetch.min.bytes", defaultValue = "" + KafkaTuning.DEFAULT_FETCH_MIN_BYTES)
    int fetchMinBytes;

    @Inject
    @ConfigProperty(name = "kafka.producer.linger.ms", defaultValue = "" + KafkaTuning.DEFAULT_LINGER_MS)
    int lingerMs;

    @Inject
    @ConfigProperty(name = "kafka.producer.batch.size", defaultValue = "" + KafkaTuning.DEFAULT_BATCH_SIZE)
    int batchSize;

    @Inject
    @ConfigProperty(name = "kafka.producer.request.timeout.ms", defaultValue = "" + KafkaTuning.DEFAULT_REQUEST_TIMEOUT_MS)
    int requestTimeoutMs;

    @Inject
    @ConfigProperty(name = "kafka.producer.delivery.timeout.ms",
            defaultValue = "" + KafkaTuning.DEFAULT_DELIVERY_TIMEOUT_MS)
    int deliveryTimeoutMs;

    @Inject
    @ConfigProperty(name = "kafka.producer.max.block.ms", defaultValue = "" + KafkaTuning.DEFAULT_MAX_BLOCK_MS)
    int maxBlockMs;

    @Inject
    @ConfigProperty(name = "kafka.admin.timeout.ms", defaultValue = "" + KafkaTuning.DEFAULT_ADMIN_TIMEOUT_MS)
    int adminTimeoutMs;

    private KafkaTuning tuning;

    @PostConstruct
    void read() {
        tuning = new KafkaTuning(sessionTimeoutMs, heartbeatIntervalMs, fetchMinBytes, lingerMs, batchSize,
                requestTimeoutMs, deliveryTimeoutMs, maxBlockMs, adminTimeoutMs);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public KafkaTuning tuning() {
        return tuning;
    }

    /** The service's producer, named after the service. */
    public Map<String, Object> durableProducer() {
        return tuning.durableProducer(bootstrapServers, serviceName);
    }

    /** A new admin client named after the service and what it is for ({@code health}, {@code lag}); the caller closes it. */
    public Admin admin(String purpose) {
        return Admin.create(tuning.admin(bootstrapServers, serviceName + "-" + purpose));
    }
}
