package io.objectledger.lifecycle.messaging;

import io.objectledger.events.command.ObjectCommand;
import io.objectledger.events.json.CommandCodec;
import io.objectledger.support.consumer.FailureKind;
import io.objectledger.support.consumer.RecordAttempts;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

/**
 * Applies a batch of commands in one transaction, and sees to it that no command holds its
 * partition for good. A command that cannot be decoded is dead-lettered at once, before anything
 * is applied, and skipped when its batch comes again. When the batch fails because the store
 * does, it comes again, however often: no command is to blame. When it fails otherwise, the
 * commands are applied one at a time up to the one that fails, and the batch ends before it.
 * Only when that command leads its batch is its attempt counted and the failure thrown, so that
 * the loop backs off between attempts; once it has failed {@link RecordAttempts#maxAttempts()}
 * times it is dead-lettered, and the rest goes on in one transaction. A dead letter is on the
 * broker before its command is reported done.
 */
public final class CommandApplier {

    private static final Logger LOG = Logger.getLogger(CommandApplier.class.getName());

    /** How long the broker may take to acknowledge the dead letters of a batch; then the batch fails. */
    static final Duration DEAD_LETTER_TIMEOUT = Duration.ofSeconds(30);

    /** What applies commands: AxonRuntime, all of them in one database transaction or none. */
    @FunctionalInterface
    public interface CommandStore {
        List<Object> sendInOneTransaction(List<ObjectCommand> commands);
    }

    /** Hands a dead letter to the broker; the future completes once the broker has it. */
    @FunctionalInterface
    public interface DeadLetters {
        CompletableFuture<?> send(ProducerRecord<String, byte[]> deadLetter);
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
        int done = applied(batch);
        // Those offsets will not be fetched again: what was kept about them is not needed.
        attempts.forget(batch.subList(0, done));
        return done;
    }

    private int applied(List<ConsumerRecord<String, byte[]>> batch) throws Exception {
        List<ObjectCommand> commands = decoded(batch);
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
            } catch (RuntimeException failure) {
                if (FailureKind.of(failure) == FailureKind.STORE_OUTAGE) {
                    return new Progress(doneOrThrow(i, failure), true);
                }
                if (i > 0) {
                    // The loop backs off only when none of a batch is done: an attempt counted here
                    // would be followed at once by the next, and all of them spent in milliseconds.
                    LOG.info(() -> "The command at " + position(record) + " failed behind commands that are done;"
                            + " it is tried again leading its batch: " + failure);
                    return new Progress(i, true);
                }
                int failed = attempts.failed(record);
                if (failed < attempts.maxAttempts()) {
                    LOG.warning(() -> "The command at " + position(record) + " failed (attempt " + failed + " of "
                            + attempts.maxAttempts() + "): " + failure);
                    throw failure;
                }
                LOG.warning(() -> "Dead-lettering the command at " + position(record) + " after " + failed
                        + " failed attempts: " + failure);
                awaitAll(List.of(new SentDeadLetter(record, deadLetters.send(CommandDeadLetter.of(deadLetterTopic,
                        record, CommandDeadLetter.REJECTED, "failed " + failed + " times: " + describe(failure),
                        failed)))));
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

    /**
     * The batch's commands, null where one is set aside: dead-lettered now because it cannot be
     * read, or already when the batch came before. Returns once the broker has the dead letters.
     */
    private List<ObjectCommand> decoded(List<ConsumerRecord<String, byte[]>> batch) throws Exception {
        List<ObjectCommand> commands = new ArrayList<>(batch.size());
        List<SentDeadLetter> sent = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : batch) {
            if (attempts.wasSetAside(record)) {
                commands.add(null);
                continue;
            }
            try {
                commands.add(codec.decode(record.value()));
            } catch (RuntimeException e) {
                LOG.warning(() -> "Dead-lettering an unreadable command at " + position(record) + ": " + e.getMessage());
                sent.add(new SentDeadLetter(record, deadLetters.send(CommandDeadLetter.of(deadLetterTopic, record,
                        CommandDeadLetter.UNREADABLE, String.valueOf(e.getMessage()), 1))));
                commands.add(null);
            }
        }
        awaitAll(sent);
        return commands;
    }

    /** A dead letter handed to the broker, and the command it sets aside. */
    private record SentDeadLetter(ConsumerRecord<String, byte[]> record, CompletableFuture<?> acknowledged) {
    }

    /**
     * Waits once for all the dead letters; those the broker has are set aside even when another
     * fails, so that the batch, when it comes again, does not send them twice.
     */
    private void awaitAll(List<SentDeadLetter> sent) throws Exception {
        if (sent.isEmpty()) {
            return;
        }
        try {
            CompletableFuture.allOf(sent.stream().map(SentDeadLetter::acknowledged).toArray(CompletableFuture[]::new))
                    .get(DEAD_LETTER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            for (SentDeadLetter deadLetter : sent) {
                if (deadLetter.acknowledged().isDone() && !deadLetter.acknowledged().isCompletedExceptionally()) {
                    attempts.setAside(deadLetter.record());
                }
            }
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
