package io.objectledger.ingest.messaging;

import io.objectledger.support.kafka.KafkaRecordSender;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** A broker stand-in that keeps what it was sent and answers as told, per record. */
final class RecordingSender extends KafkaRecordSender {

    final List<ProducerRecord<String, byte[]>> sent = new ArrayList<>();
    Function<ProducerRecord<String, byte[]>, CompletableFuture<RecordMetadata>> answer =
            record -> CompletableFuture.completedFuture(null);

    @Override
    public CompletableFuture<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
        sent.add(record);
        return answer.apply(record);
    }

    List<ProducerRecord<String, byte[]>> on(String topic) {
        return sent.stream().filter(record -> record.topic().equals(topic)).toList();
    }

    static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
