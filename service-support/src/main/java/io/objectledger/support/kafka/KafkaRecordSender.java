package io.objectledger.support.kafka;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The service's one Kafka producer. Its futures complete when the broker has the record
 * durably, which is when callers may acknowledge what caused it.
 */
@ApplicationScoped
public class KafkaRecordSender {

    @Inject
    KafkaClientSettings kafka;

    private Producer<String, byte[]> producer;

    @PostConstruct
    void open() {
        producer = new KafkaProducer<>(kafka.durableProducer());
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(10));
    }

    public CompletableFuture<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
        CompletableFuture<RecordMetadata> acknowledged = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    acknowledged.complete(metadata);
                } else {
                    acknowledged.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            acknowledged.completeExceptionally(e);
        }
        return acknowledged;
    }
}
