package io.objectledger.lifecycle.messaging;

import io.objectledger.events.command.ObjectCommand;
import io.objectledger.events.json.CommandCodec;
import io.objectledger.support.consumer.FailureKind;
import io.objectledger.support.consumer.RecordAttempts;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

/**
 * Applies a batch of commands in one transaction, and sees to it that no command holds its
 * partition for good. A command that cannot be decoded is dead-lettered at once. When the batch
 * fails because the store does, it comes again, however often: no command is to blame. When it
 * fails otherwise, the commands are applied one at a time up to the one that fails; that one
 * is tried again with its batch, after the loop's back-off, and dead-lettered once it has failed
 * {@link RecordAttempts#maxAttempts()} times, after which the rest goes on in one transaction.
 */
public final class CommandApplier {

    private static final Logger LOG = Logger.getLogger(CommandApplier.class.getName());

    /** What applies commands: AxonRuntime, all of them in one database transaction or none. */
    @FunctionalInterface
    public interface CommandStore {
        List<Object> sendInOneTransaction(List<ObjectCommand> commands);
    }

    /** Puts a dead letter on the broker; returns once the broker has it. */
    @FunctionalInterface
    public interface DeadLetters {
        void send(ProducerRecord<String, byte[]> deadLetter) throws Exception;
    }

    private final CommandCodec codec = new CommandCodec();
    private final CommandStore store;
    private final DeadLetters deadLetters;
    private final String deadLetterTopic;
    private final RecordAttempts attempts;
    private final BiConsumer<ObjectCommand, Object> applied;

    /** {@code applied} hears of each command applied, with the outcome the aggregate answered. */
    public CommandApplier(CommandStore store, DeadLetters deadLetters, String deadLetterTopic, RecordAttempts attempts,
                          BiConsumer<ObjectCommand, Object> applied) {
        this.store = store;
        this.deadLetters = deadLetters;
        this.deadLetterTopic = deadLetterTopic;
        this.attempts = attempts;
        this.applied = applied;
    }

    /** How many of the batch, from the first, are applied or dead-lettered; throws when none is. */
    public int handle(List<ConsumerRecord<String, byte[]>> batch) throws Exception {
        List<ObjectCommand> commands = new ArrayList<>(batch.size());
        for (ConsumerRecord<String, byte[]> record : batch) {
            commands.add(decoded(record));
        }
        int from = 0;
        while (from < batch.size()) {
            try {
                applyAll(commands.subList(from, commands.size()));
                return batch.size();
            } catch (RuntimeException failure) {
                if (FailureKind.of(failure) == FailureKind.STORE_OUTAGE) {
                    return doneOrThrow(from, failure);
                }
                LOG.info(() -> "A batch of commands failed not for the store: applying them one at a time to find"
                        + " the one that fails: " + failure);
            }
            Progress progress = oneAtATime(batch, commands, from);
            if (progress.stopped()) {
                return progress.next();
            }
            from = progress.next();
        }
        return batch.size();
    }

    /**
     * How far applying one at a time got: {@code next} is the first command not done; stopped,
     * the batch ends there (the command comes again later), else the rest goes on after a dead letter.
     */
    private record Progress(int next, boolean stopped) {
    }

    /** Applies the commands from {@code from} one per transaction, up to one that fails. */
    private Progress oneAtATime(List<ConsumerRecord<String, byte[]>> batch, List<ObjectCommand> commands, int from)
            throws Exception {
        for (int i = from; i < batch.size(); i++) {
            ObjectCommand command = commands.get(i);
            if (command == null) {
                continue;
            }
            ConsumerRecord<String, byte[]> record = batch.get(i);
            try {
                applyAll(List.of(command));
                attempts.forget(record);
            } catch (RuntimeException failure) {
                if (FailureKind.of(failure) == FailureKind.STORE_OUTAGE) {
                    return new Progress(doneOrThrow(i, failure), true);
                }
                int failed = attempts.failed(record);
                if (failed < attempts.maxAttempts()) {
                    LOG.warning(() -> "The command at " + position(record) + " failed (attempt " + failed + " of "
                            + attempts.maxAttempts() + "): " + failure);
                    return new Progress(doneOrThrow(i, failure), true);
                }
                LOG.warning(() -> "Dead-lettering the command at " + position(record) + " after " + failed
                        + " failed attempts: " + failure);
                deadLetters.send(CommandDeadLetter.of(deadLetterTopic, record, CommandDeadLetter.REJECTED,
                        "failed " + failed + " times: " + describe(failure), failed));
                attempts.forget(record);
                return new Progress(i + 1, false);
            }
        }
        return new Progress(batch.size(), true);
    }

    private void applyAll(List<ObjectCommand> commands) {
        List<ObjectCommand> readable = commands.stream().filter(command -> command != null).toList();
        if (readable.isEmpty()) {
            return;
        }
        List<Object> outcomes = store.sendInOneTransaction(readable);
        for (int i = 0; i < readable.size(); i++) {
            applied.accept(readable.get(i), outcomes.get(i));
        }
    }

    /** The command, or null once an unreadable one is dead-lettered. */
    private ObjectCommand decoded(ConsumerRecord<String, byte[]> record) throws Exception {
        try {
            return codec.decode(record.value());
        } catch (RuntimeException e) {
            LOG.warning(() -> "Dead-lettering an unreadable command at " + position(record) + ": " + e.getMessage());
            deadLetters.send(CommandDeadLetter.of(deadLetterTopic, record, CommandDeadLetter.UNREADABLE,
                    String.valueOf(e.getMessage()), 1));
            return null;
        }
    }

    /** Throwing when nothing is done tells the loop to back off before it fetches the batch again. */
    private static int doneOrThrow(int done, RuntimeException failure) {
        if (done == 0) {
            throw failure;
        }
        return done;
    }

    /** The failure and, when a framework wrapped it, what it wrapped: the reason an operator looks for. */
    private static String describe(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 32; depth++) {
            root = root.getCause();
        }
        return root == failure ? String.valueOf(failure) : failure + "; caused by " + root;
    }

    private static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
