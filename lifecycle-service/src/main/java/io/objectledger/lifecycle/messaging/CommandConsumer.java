package io.objectledger.lifecycle.messaging;

import io.objectledger.events.command.ObjectCommand;
import io.objectledger.lifecycle.command.ChangeOutcome;
import io.objectledger.lifecycle.config.AxonRuntime;
import io.objectledger.support.consumer.BatchHandler;
import io.objectledger.support.consumer.RecordAttempts;
import io.objectledger.support.kafka.KafkaRecordSender;
import io.objectledger.support.metrics.TaggedCounters;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Feeds the object-commands topic into the aggregates, a batch at a time: all of a batch's
 * commands are handled in one database transaction, so the batch costs one commit. The offsets
 * are committed only after it; if anything fails, the batch comes again and the changes already
 * in a history are recognised as duplicates. A command that fails on its own is dead-lettered
 * after {@code ledger.lifecycle.command-max-attempts} attempts ({@link CommandApplier}).
 */
@ApplicationScoped
public class CommandConsumer implements BatchHandler {

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

    /** Attempts of a command that fails for a reason other than the store before it is dead-lettered. */
    @Inject
    @ConfigProperty(name = "ledger.lifecycle.command-max-attempts", defaultValue = "5")
    int maxAttempts;

    private TaggedCounters changes;
    private TaggedCounters deadLettered;
    private CommandApplier applier;

    @PostConstruct
    void start() {
        changes = new TaggedCounters(registry, "ledger.lifecycle.changes", "outcome", "event");
        deadLettered = new TaggedCounters(registry, "ledger.lifecycle.dead.lettered", "reason");
        applier = new CommandApplier(axon::sendInOneTransaction, this::deadLetter, deadLetterTopic,
                new RecordAttempts(maxAttempts), this::count);
    }

    @Override
    public int handle(List<ConsumerRecord<String, byte[]>> batch) throws Exception {
        return applier.handle(batch);
    }

    /** {@code ledger_lifecycle_changes_total{outcome,event}}: recorded changes and recognised duplicates. */
    private void count(ObjectCommand command, Object outcome) {
        String result = outcome instanceof ChangeOutcome changeOutcome ? changeOutcome.name().toLowerCase() : "recorded";
        changes.inc(result, command.change() == null ? "" : command.change().eventName());
    }

    /** {@code ledger_lifecycle_dead_lettered_total{reason}}, counted once the broker has the dead letter. */
    private CompletableFuture<?> deadLetter(ProducerRecord<String, byte[]> deadLetter) {
        String reason = new String(deadLetter.headers().lastHeader(CommandDeadLetter.HEADER_REASON).value(),
                StandardCharsets.UTF_8);
        return sender.send(deadLetter).thenRun(() -> deadLettered.inc(reason));
    }
}
