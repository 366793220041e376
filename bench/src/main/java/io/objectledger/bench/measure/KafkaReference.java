package io.objectledger.bench.measure;

import io.objectledger.bench.generate.RgwJson;
import io.objectledger.bench.generate.Delivery;
import io.objectledger.bench.load.RgwProducer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The floor under the ledger: the same records produced to a scratch topic on the same broker
 * and read back by a plain consumer, concurrently, with nothing done to them in between.
 */
public final class KafkaReference {

    /**
     * Rates in records per second: producing alone, consuming alone (a second group reading the
     * whole topic afterwards), and produce+consume from the first send to the last record read.
     */
    public record Result(long records, double produceRate, double consumeRate, double endToEndRate) {
    }

    private KafkaReference() {
    }

    public static Result run(String bootstrapServers, String topic, int partitions, List<Delivery> deliveries)
            throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        List<byte[]> bodies = RgwJson.bodies(deliveries);
        long start = System.nanoTime();
        CompletableFuture<Long> consumed = CompletableFuture.supplyAsync(() -> consume(bootstrapServers, topic,
                "bench-reference-live", deliveries.size()));
        try (RgwProducer producer = new RgwProducer(bootstrapServers)) {
            producer.send(topic, deliveries, bodies, 0, (delivery, index) -> { });
        }
        double produceSeconds = (System.nanoTime() - start) / 1e9;
        long consumedAt = consumed.get(10, TimeUnit.MINUTES);
        double endToEndSeconds = (consumedAt - start) / 1e9;
        long replayStart = System.nanoTime();
        double consumeSeconds = (consume(bootstrapServers, topic, "bench-reference-replay", deliveries.size())
                - replayStart) / 1e9;
        return new Result(deliveries.size(), deliveries.size() / produceSeconds,
                deliveries.size() / consumeSeconds, deliveries.size() / endToEndSeconds);
    }

    /** Reads until {@code expected} records arrived; answers the nano time of the last. */
    private static long consume(String bootstrapServers, String topic, String group, int expected) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long read = 0;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (read < expected && System.nanoTime() < deadline) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
            if (read < expected) {
                throw new IllegalStateException("read " + read + " of " + expected + " reference records");
            }
            return System.nanoTime();
        }
    }
}
