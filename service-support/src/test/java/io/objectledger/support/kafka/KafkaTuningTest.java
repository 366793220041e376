package io.objectledger.support.kafka;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The defaults are what every service runs with unless configured otherwise. */
class KafkaTuningTest {

    private static final KafkaTuning TUNING = KafkaTuning.DEFAULTS;

    @Test
    void consumerDefaults() {
        assertThat(TUNING.batchConsumer("broker:9092", "group", "group-pod", 500, 50))
                .containsEntry("session.timeout.ms", 10_000)
                .containsEntry("heartbeat.interval.ms", 3_000)
                .containsEntry("fetch.min.bytes", 262_144)
                .containsEntry("fetch.max.wait.ms", 50)
                .containsEntry("max.poll.records", 500)
                .containsEntry("enable.auto.commit", false)
                .containsEntry("group.instance.id", "group-pod");
    }

    @Test
    void producerDefaults() {
        assertThat(TUNING.durableProducer("broker:9092", "ingest-service"))
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true)
                .containsEntry("linger.ms", 5)
                .containsEntry("batch.size", 131_072)
                .containsEntry("request.timeout.ms", 15_000)
                .containsEntry("delivery.timeout.ms", 30_000)
                .containsEntry("max.block.ms", 10_000)
                .containsEntry("client.id", "ingest-service");
    }

    @Test
    void adminDefaults() {
        assertThat(TUNING.admin("broker:9092", "audit-service-health"))
                .containsEntry("request.timeout.ms", 3_000)
                .containsEntry("default.api.timeout.ms", 3_000);
    }

    @Test
    void configuredValuesReachTheClients() {
        KafkaTuning tuning = new KafkaTuning(20_000, 5_000, 1, 0, 16_384, 1_000, 2_000, 500, 750);

        assertThat(tuning.batchConsumer("b", "g", "c", 1, 1)).containsEntry("session.timeout.ms", 20_000)
                .containsEntry("heartbeat.interval.ms", 5_000).containsEntry("fetch.min.bytes", 1);
        assertThat(tuning.durableProducer("b", "c")).containsEntry("linger.ms", 0).containsEntry("batch.size", 16_384)
                .containsEntry("request.timeout.ms", 1_000).containsEntry("delivery.timeout.ms", 2_000)
                .containsEntry("max.block.ms", 500);
        assertThat(tuning.admin("b", "c")).containsEntry("default.api.timeout.ms", 750);
    }
}
