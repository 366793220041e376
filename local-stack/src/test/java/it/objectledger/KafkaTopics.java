package it.objectledger;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.objectledger.stack.StackSettings;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Plain Kafka clients on the stack's broker: what RGW's Kafka endpoint and a subscriber would use. */
public final class KafkaTopics implements AutoCloseable {

    private final StackSettings settings = LocalStackExtension.settings();
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
    private final List<KafkaConsumer<?, ?>> consumers = new ArrayList<>();

    /** Writes a body to a topic as RGW's Kafka push endpoint does, and waits for the broker's ack. */
    public void produce(String topic, byte[] body) throws Exception {
        producer.send(new ProducerRecord<>(topic, body)).get(30, TimeUnit.SECONDS);
    }

    /** Writes many bodies to a topic at once, and waits until the broker has every one. */
    public void produceAll(String topic, List<byte[]> bodies) throws Exception {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (byte[] body : bodies) {
            sent.add(producer.send(new ProducerRecord<>(topic, body)));
        }
        for (Future<RecordMetadata> ack : sent) {
            ack.get(60, TimeUnit.SECONDS);
        }
    }

    /** A subscriber of the lifecycle events, reading from the beginning with a group of its own. */
    public KafkaConsumer<String, CloudEvent> lifecycleSubscriber() {
        return subscribe("object-lifecycle-events", CloudEventDeserializer.class);
    }

    public KafkaConsumer<String, byte[]> rawSubscriber(String topic) {
        return subscribe(topic, ByteArrayDeserializer.class);
    }

    private <V> KafkaConsumer<String, V> subscribe(String topic, Class<?> valueDeserializer) {
        KafkaConsumer<String, V> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, valueDeserializer.getName()));
        consumer.subscribe(List.of(topic));
        consumers.add(consumer);
        return consumer;
    }

    /** Everything polled so far that matches, accumulated across calls of a polling loop. */
    public static <V> List<ConsumerRecord<String, V>> pollInto(KafkaConsumer<String, V> consumer,
                                                              List<ConsumerRecord<String, V>> seen) {
        consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
        return seen;
    }

    @Override
    public void close() {
        consumers.forEach(KafkaConsumer::close);
        producer.close(Duration.ofSeconds(5));
    }
}
