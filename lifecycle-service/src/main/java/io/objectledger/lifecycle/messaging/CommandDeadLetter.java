package io.objectledger.lifecycle.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A command set aside on the commands' dead-letter topic: its original key and bytes, and the
 * headers ingest's dead letters carry (same names), plus where on the commands topic it was, so
 * that it can be inspected and produced again once its cause is fixed.
 */
public final class CommandDeadLetter {

    public static final String HEADER_REASON = "ledger-reject-reason";
    public static final String HEADER_DETAIL = "ledger-reject-detail";
    public static final String HEADER_SOURCE = "ledger-source";
    public static final String HEADER_RECEIVED_AT = "ledger-received-at";
    public static final String HEADER_ORIGINAL_BYTES = "ledger-original-bytes";
    public static final String HEADER_SOURCE_TOPIC = "ledger-source-topic";
    public static final String HEADER_SOURCE_PARTITION = "ledger-source-partition";
    public static final String HEADER_SOURCE_OFFSET = "ledger-source-offset";
    public static final String HEADER_ATTEMPTS = "ledger-attempts";

    /** The bytes are not a command the codec can read. */
    public static final String UNREADABLE = "unreadable-command";
    /** A readable command that failed, the same way, as often as lifecycle tries one. */
    public static final String REJECTED = "rejected-command";

    private CommandDeadLetter() {
    }

    public static ProducerRecord<String, byte[]> of(String deadLetterTopic, ConsumerRecord<String, byte[]> command,
                                                    String reason, String detail, int attempts) {
        byte[] value = command.value() == null ? new byte[0] : command.value();
        var headers = new RecordHeaders()
                .add(HEADER_REASON, utf8(reason))
                .add(HEADER_DETAIL, utf8(detail))
                .add(HEADER_SOURCE, utf8("kafka"))
                // When ingest put the command on the topic: the record's own timestamp.
                .add(HEADER_RECEIVED_AT, utf8(Instant.ofEpochMilli(Math.max(0, command.timestamp())).toString()))
                .add(HEADER_ORIGINAL_BYTES, utf8(String.valueOf(value.length)))
                .add(HEADER_SOURCE_TOPIC, utf8(command.topic()))
                .add(HEADER_SOURCE_PARTITION, utf8(String.valueOf(command.partition())))
                .add(HEADER_SOURCE_OFFSET, utf8(String.valueOf(command.offset())))
                .add(HEADER_ATTEMPTS, utf8(String.valueOf(attempts)));
        return new ProducerRecord<>(deadLetterTopic, null, command.key(), value, headers);
    }

    private static byte[] utf8(String value) {
        return String.valueOf(value).getBytes(StandardCharsets.UTF_8);
    }
}
