package io.objectledger.lifecycle.messaging;

import io.objectledger.events.command.ObjectCommand;
import io.objectledger.events.json.CommandCodec;
import io.objectledger.lifecycle.command.ChangeOutcome;
import io.objectledger.support.kafka.KafkaRecordSender;
import io.objectledger.support.retry.Retry;
import io.objectledger.support.messaging.Acknowledgements;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Logger;

/**
 * Feeds the object-commands topic into the aggregates. The offset is committed only once the
 * command's events are in the event store; while the store is down the partition waits.
 */
@ApplicationScoped
public class CommandConsumer {

    private static final Logger LOG = Logger.getLogger(CommandConsumer.class.getName());

    private final CommandCodec codec = new CommandCodec();

    @Inject
    CommandGateway commandGateway;

    @Inject
    KafkaRecordSender sender;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Inject
    @ConfigProperty(name = "ledger.topic.commands-dead-letters")
    String deadLetterTopic;

    @Incoming("object-commands")
    public CompletionStage<Void> consume(Message<byte[]> message) {
        ObjectCommand command;
        try {
            command = codec.decode(message.getPayload());
        } catch (UncheckedIOException e) {
            LOG.warning(() -> "Dead-lettering an unreadable command: " + e.getMessage());
            return Retry.untilSuccess(() -> deadLetter(message.getPayload(), e.getMessage()), this::logRetry)
                    .thenCompose(done -> Acknowledgements.ack(message));
        }
        return Retry.<Object>untilSuccess(() -> commandGateway.send(command), this::logRetry)
                .thenCompose(outcome -> {
                    count(command, outcome);
                    return Acknowledgements.ack(message);
                });
    }

    /** {@code ledger_lifecycle_changes_total{outcome,event}}: recorded changes and recognised duplicates. */
    private void count(ObjectCommand command, Object outcome) {
        String result = outcome instanceof ChangeOutcome changeOutcome ? changeOutcome.name().toLowerCase() : "recorded";
        registry.counter("ledger.lifecycle.changes", new Tag("outcome", result),
                new Tag("event", command.change().eventName())).inc();
    }

    private CompletableFuture<Void> deadLetter(byte[] payload, String reason) {
        var headers = new RecordHeaders()
                .add("ledger-reject-reason", "unreadable-command".getBytes(StandardCharsets.UTF_8))
                .add("ledger-reject-detail", String.valueOf(reason).getBytes(StandardCharsets.UTF_8));
        return sender.send(new ProducerRecord<String, byte[]>(deadLetterTopic, null, (String) null, payload, headers))
                .thenApply(sent -> null);
    }

    private void logRetry(Throwable error) {
        LOG.warning(() -> "Could not record a command, retrying: " + error);
    }
}
