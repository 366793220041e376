package io.objectledger.ingest.messaging;

import io.objectledger.events.command.ObjectCommand;
import io.objectledger.events.json.CommandCodec;
import io.objectledger.events.rgw.RejectedNotificationException;
import io.objectledger.events.rgw.RgwCommandMapper;
import io.objectledger.events.rgw.RgwNotificationParser;
import io.objectledger.support.kafka.KafkaRecordSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Turns a notification body into commands on the object-commands topic, keyed by object so that
 * one object's commands stay in order on one partition; or dead-letters it with the reason.
 */
@ApplicationScoped
public class NotificationRouter {

    public static final String HEADER_REASON = "ledger-reject-reason";
    public static final String HEADER_DETAIL = "ledger-reject-detail";
    public static final String HEADER_SOURCE = "ledger-source";
    public static final String HEADER_RECEIVED_AT = "ledger-received-at";

    private final RgwNotificationParser parser = new RgwNotificationParser();
    private final RgwCommandMapper mapper = new RgwCommandMapper();
    private final CommandCodec codec = new CommandCodec();

    @Inject
    KafkaRecordSender sender;

    @Inject
    @ConfigProperty(name = "ledger.topic.commands")
    String commandsTopic;

    @Inject
    @ConfigProperty(name = "ledger.topic.dead-letters")
    String deadLetterTopic;

    /** All commands a body means, or a {@link RejectedNotificationException} if any record is bad. */
    public List<ObjectCommand> commandsOf(byte[] body, Instant receivedAt) {
        return parser.parse(body).stream().map(record -> mapper.toCommand(record, receivedAt)).toList();
    }

    /** Completes once every command is on the broker. */
    public CompletableFuture<Void> forward(List<ObjectCommand> commands) {
        return CompletableFuture.allOf(commands.stream()
                .map(command -> sender.send(new ProducerRecord<>(commandsTopic, command.object().aggregateId(),
                        codec.encode(command))))
                .toArray(CompletableFuture[]::new));
    }

    /** Keeps the original bytes, with headers saying why, where from and when. */
    public CompletableFuture<Void> deadLetter(byte[] body, RejectedNotificationException rejection,
                                              String source, Instant receivedAt) {
        var headers = new RecordHeaders()
                .add(HEADER_REASON, utf8(rejection.reason().code()))
                .add(HEADER_DETAIL, utf8(rejection.getMessage()))
                .add(HEADER_SOURCE, utf8(source))
                .add(HEADER_RECEIVED_AT, utf8(receivedAt.toString()));
        return sender.send(new ProducerRecord<String, byte[]>(deadLetterTopic, null, (String) null, body, headers)).thenApply(sent -> null);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
