package io.objectledger.lifecycle.messaging;

import io.objectledger.events.command.ObjectCommand;
import io.objectledger.events.json.CommandCodec;
import io.objectledger.lifecycle.command.ChangeOutcome;
import io.objectledger.lifecycle.config.AxonRuntime;
import io.objectledger.support.consumer.BatchHandler;
import io.objectledger.support.kafka.KafkaRecordSender;
import io.objectledger.support.metrics.TaggedCounters;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Feeds the object-commands topic into the aggregates, a batch at a time: all of a batch's
 * commands are handled in one database transaction, so the batch costs one commit. The offsets
 * are committed only after it; if anything fails, the batch comes again and the changes already
 * in a history are recognised as duplicates.
 */
@ApplicationScoped
public class CommandConsumer implements BatchHandler {

    private static final Logger LOG = Logger.getLogger(CommandConsumer.class.getName());
    private static final long DEAD_LETTER_TIMEOUT_SECONDS = 30;

    private final CommandCodec codec = new CommandCodec();

    @Inject
    AxonRuntime axon;

    @Inject
    KafkaRecordSender sender;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Inject
    @ConfigProperty(name = "ledger.topic.commands-dead-letters")
    String deadLetterTopic;

    private TaggedCounters changes;

    @PostConstruct
    void registerMetrics() {
        changes = new TaggedCounters(registry, "ledger.lifecycle.changes", "outcome", "event");
    }

    @Override
    public int handle(List<ConsumerRecord<String, byte[]>> batch) throws Exception {
        List<ObjectCommand> commands = new ArrayList<>(batch.size());
        List<CompletableFuture<?>> deadLetters = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : batch) {
            try {
                commands.add(codec.decode(record.value()));
            } catch (UncheckedIOException | IllegalArgumentException e) {
                LOG.warning(() -> "Dead-lettering an unreadable command at " + record.topic() + "-"
                        + record.partition() + "@" + record.offset() + ": " + e.getMessage());
                deadLetters.add(deadLetter(record.value(), String.valueOf(e.getMessage())));
            }
        }
        CompletableFuture.allOf(deadLetters.toArray(CompletableFuture[]::new))
                .get(DEAD_LETTER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<Object> outcomes = axon.sendInOneTransaction(commands);
        for (int i = 0; i < commands.size(); i++) {
            count(commands.get(i), outcomes.get(i));
        }
        return batch.size();
    }

    /** {@code ledger_lifecycle_changes_total{outcome,event}}: recorded changes and recognised duplicates. */
    private void count(ObjectCommand command, Object outcome) {
        String result = outcome instanceof ChangeOutcome changeOutcome ? changeOutcome.name().toLowerCase() : "recorded";
        changes.inc(result, command.change().eventName());
    }

    private CompletableFuture<Void> deadLetter(byte[] payload, String reason) {
        var headers = new RecordHeaders()
                .add("ledger-reject-reason", "unreadable-command".getBytes(StandardCharsets.UTF_8))
                .add("ledger-reject-detail", reason.getBytes(StandardCharsets.UTF_8));
        return sender.send(new ProducerRecord<String, byte[]>(deadLetterTopic, null, (String) null, payload, headers))
                .thenApply(sent -> null);
    }
}
