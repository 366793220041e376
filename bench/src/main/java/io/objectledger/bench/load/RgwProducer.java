package io.objectledger.bench.load;

import io.objectledger.bench.generate.Delivery;
import io.objectledger.bench.generate.RgwJson;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ObjIntConsumer;

/**
 * Sends deliveries to a topic the way RGW's Kafka push endpoint writes them (the JSON body as the
 * value), at a fixed rate or as fast as the broker takes them. Idempotent with a long delivery
 * timeout, so a broker killed mid-stream delays records but neither loses nor doubles them.
 */
public final class RgwProducer implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public RgwProducer(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 600_000),
                new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Sends every delivery with its body ({@link RgwJson#bodies}, written before the caller's clock
     * starts: RGW writes its JSON on its own hosts, not on the ledger's cores), paced at
     * {@code perSecond} (0: as fast as possible), calling
     * {@code onSend} with each delivery and its position just before it goes out.
     */
    public void send(String topic, List<Delivery> deliveries, List<byte[]> bodies, double perSecond,
                     ObjIntConsumer<Delivery> onSend) {
        long start = System.nanoTime();
        for (int i = 0; i < deliveries.size(); i++) {
            if (perSecond > 0) {
                long due = start + (long) (i * 1e9 / perSecond);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            Delivery delivery = deliveries.get(i);
            onSend.accept(delivery, i);
            producer.send(new ProducerRecord<>(topic, delivery.partitionKey(), bodies.get(i)),
                    (metadata, error) -> {
                        if (error != null) {
                            failure.compareAndSet(null, error);
                        } else {
                            acknowledged.incrementAndGet();
                        }
                    });
        }
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("The broker refused a notification", failure.get());
        }
    }

    public long acknowledged() {
        return acknowledged.get();
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(30));
    }
}
