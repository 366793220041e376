package io.objectledger.ingest.messaging;

import io.objectledger.events.command.ObjectCommand;
import io.objectledger.events.json.CommandCodec;
import io.objectledger.events.rgw.RejectReason;
import io.objectledger.events.rgw.RejectedNotificationException;
import io.objectledger.events.rgw.RgwCommandMapper;
import io.objectledger.events.rgw.RgwNotificationParser;
import io.objectledger.events.rgw.RgwRecord;
import io.objectledger.ingest.metrics.IngestMetrics;
import io.objectledger.support.kafka.KafkaRecordSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns a notification body into commands on the object-commands topic, keyed by object so that
 * one object's commands stay in order on one partition; or dead-letters it with the reason.
 */
@ApplicationScoped
public class NotificationRouter {

    private static final Logger LOG = Logger.getLogger(NotificationRouter.class.getName());
    public static final String HEADER_REASON = "ledger-reject-reason";
    public static final String HEADER_DETAIL = "ledger-reject-detail";
    public static final String HEADER_SOURCE = "ledger-source";
    public static final String HEADER_RECEIVED_AT = "ledger-received-at";
    public static final String HEADER_ORIGINAL_BYTES = "ledger-original-bytes";
    /** A dead letter keeps at most this much of an oversize body: Kafka refuses records above ~1 MB. */
    static final int MAX_DEAD_LETTER_BYTES = 64 * 1024;

    private final RgwNotificationParser parser = new RgwNotificationParser();
    private final RgwCommandMapper mapper = new RgwCommandMapper();
    private final CommandCodec codec = new CommandCodec();

    @Inject
    KafkaRecordSender sender;

    @Inject
    IngestMetrics metrics;

    @Inject
    @ConfigProperty(name = "ledger.topic.commands")
    String commandsTopic;

    @Inject
    @ConfigProperty(name = "ledger.topic.dead-letters")
    String deadLetterTopic;

    @Inject
    @ConfigProperty(name = "ledger.ingest.max-body-bytes")
    int maxBodyBytes;

    /** What a body means, or a {@link RejectedNotificationException} if any of it can never be accepted. */
    public RoutedNotification route(byte[] body, Instant receivedAt) {
        if (body.length > maxBodyBytes) {
            throw oversize(body.length);
        }
        List<ObjectCommand> commands = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (RgwRecord record : parser.parse(body)) {
            mapper.toCommand(record, receivedAt).ifPresentOrElse(commands::add, () -> ignored.add(record.eventName()));
        }
        if (commands.isEmpty() && ignored.isEmpty()) {
            ignored.add("TestEvent");
        }
        return new RoutedNotification(commands, ignored);
    }

    public RejectedNotificationException oversize(long bytes) {
        return new RejectedNotificationException(RejectReason.OVERSIZE,
                "the body is " + bytes + " bytes, more than the limit of " + maxBodyBytes);
    }

    /**
     * Routes a body and forwards its commands, or dead-letters it: one that can never be accepted
     * with its reason, one that fails unexpectedly as unprocessable, so its partition never stalls.
     * Completes once the commands or the dead letter are on the broker.
     */
    public CompletableFuture<Void> accept(byte[] body, String source, Instant receivedAt) {
        metrics.received(source);
        try {
            return forward(route(body, receivedAt), source);
        } catch (RejectedNotificationException rejection) {
            LOG.warning(() -> "Dead-lettering a notification from " + source + ": " + rejection.getMessage());
            return deadLetter(body, rejection, source, receivedAt);
        } catch (RuntimeException unexpected) {
            LOG.log(Level.SEVERE, "Dead-lettering a notification from " + source + " that failed unexpectedly",
                    unexpected);
            return deadLetter(body, new RejectedNotificationException(RejectReason.UNPROCESSABLE,
                    String.valueOf(unexpected)), source, receivedAt);
        }
    }

    /** Completes once every command is on the broker; counts what was accepted. */
    public CompletableFuture<Void> forward(RoutedNotification notification, String source) {
        return CompletableFuture.allOf(notification.commands().stream()
                        .map(command -> sender.send(new ProducerRecord<>(commandsTopic, command.object().aggregateId(),
                                codec.encode(command))))
                        .toArray(CompletableFuture[]::new))
                .thenRun(() -> {
                    notification.commands().forEach(command -> metrics.accepted(source, command.change().eventName()));
                    notification.ignoredEvents().forEach(eventName -> metrics.ignored(source, eventName));
                });
    }

    /** Keeps the original bytes (a prefix if oversize), with headers saying why, where from and when. */
    public CompletableFuture<Void> deadLetter(byte[] body, RejectedNotificationException rejection,
                                              String source, Instant receivedAt) {
        var headers = new RecordHeaders()
                .add(HEADER_REASON, utf8(rejection.reason().code()))
                .add(HEADER_DETAIL, utf8(rejection.getMessage()))
                .add(HEADER_SOURCE, utf8(source))
                .add(HEADER_RECEIVED_AT, utf8(receivedAt.toString()))
                .add(HEADER_ORIGINAL_BYTES, utf8(String.valueOf(body.length)));
        byte[] kept = body.length > MAX_DEAD_LETTER_BYTES ? Arrays.copyOf(body, MAX_DEAD_LETTER_BYTES) : body;
        return sender.send(new ProducerRecord<String, byte[]>(deadLetterTopic, null, (String) null, kept, headers))
                .thenRun(() -> metrics.deadLettered(source, rejection.reason().code()));
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
