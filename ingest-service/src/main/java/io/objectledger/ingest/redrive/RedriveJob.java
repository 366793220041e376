package io.objectledger.ingest.redrive;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One re-drive on a thread of its own: polls the dead-letter topic from where it is up to the end
 * offsets taken when it started, re-publishes each matching record to the topic it came from with
 * its key and bytes, and advances only once the broker has the batch's records. Progress is saved
 * every report interval, so a restart resumes near where it stopped; what it re-publishes again
 * then is a duplicate, which the aggregate records once.
 */
final class RedriveJob implements Runnable {

    private static final Logger LOG = Logger.getLogger(RedriveJob.class.getName());
    static final String HEADER_REDRIVE_ID = "ledger-redrive-id";
    static final String HEADER_REDRIVEN_FROM = "ledger-redriven-from";
    /** The reject reason, as ingest and lifecycle write it on their dead letters. */
    static final String HEADER_REASON = "ledger-reject-reason";
    private static final String LEDGER_HEADERS = "ledger-";
    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

    private final RedriveDefinition definition;
    private final Consumer<String, byte[]> consumer;
    private final Function<ProducerRecord<String, byte[]>, CompletableFuture<?>> publisher;
    private final Function<Redrive, CompletableFuture<?>> saver;
    private final Duration reportInterval;
    private final long sendTimeoutMs;
    private volatile Redrive current;
    private volatile boolean cancelled;
    private volatile boolean stopping;
    private volatile boolean yielding;
    private volatile Thread runner;

    /**
     * @param publisher sends a record, completing once the broker has it
     * @param saver     keeps the re-drive's progress, completing once it is kept
     */
    RedriveJob(Redrive redrive, Consumer<String, byte[]> consumer,
               Function<ProducerRecord<String, byte[]>, CompletableFuture<?>> publisher,
               Function<Redrive, CompletableFuture<?>> saver, Duration reportInterval, long sendTimeoutMs) {
        this.definition = redrive.definition();
        this.current = redrive;
        this.consumer = consumer;
        this.publisher = publisher;
        this.saver = saver;
        this.reportInterval = reportInterval;
        this.sendTimeoutMs = sendTimeoutMs;
    }

    Redrive current() {
        return current;
    }

    /** Ends it as cancelled: what is re-published stays re-published. */
    void cancel() {
        cancelled = true;
        consumer.wakeup();
    }

    /** Ends it for a shutdown: it stays running in the store and is resumed on the next start. */
    void stop() {
        stopping = true;
        consumer.wakeup();
        // A wakeup reaches a poll only: the interrupt cuts short a back-off or a wait on the broker.
        Thread thread = runner;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Ends it without a word: another instance runs it and keeps its progress. */
    void yieldTo() {
        yielding = true;
        consumer.wakeup();
    }

    @Override
    public void run() {
        runner = Thread.currentThread();
        try (consumer) {
            end(scan(), null);
        } catch (InterruptedException | InterruptException e) {
            end(false, null);
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            end(false, e);
        } finally {
            runner = null;
        }
    }

    /**
     * Keeps how it ended: done only when every partition was scanned to its end offset; stopped or
     * interrupted short of that, it is saved as still running, so that the next start resumes it.
     */
    private void end(boolean scannedToEnd, RuntimeException failure) {
        // Ended already, e.g. when closing the consumer throws after the outcome was saved.
        if (yielding || current.progress().state() != RedriveState.RUNNING) {
            return;
        }
        if (cancelled) {
            finish(RedriveState.CANCELLED, null);
        } else if (scannedToEnd) {
            finish(RedriveState.DONE, null);
        } else if (stopping || failure == null) {
            save(current.with(current.progress().touched(Instant.now())));
        } else {
            LOG.log(Level.SEVERE, "Re-drive " + definition.id() + " failed", failure);
            finish(RedriveState.FAILED, String.valueOf(failure));
        }
    }

    /** Answers whether every partition was scanned to its end offset, rather than the scan stopped short. */
    private boolean scan() throws InterruptedException {
        RedriveProgress start = current.progress();
        Map<TopicPartition, Long> open = new HashMap<>();
        start.endOffsets().forEach((partition, end) -> {
            if (start.nextOffsets().getOrDefault(partition, 0L) < end) {
                open.put(new TopicPartition(definition.deadLetterTopic(), partition), end);
            }
        });
        consumer.assign(open.keySet());
        open.keySet().forEach(tp -> consumer.seek(tp, start.nextOffsets().getOrDefault(tp.partition(), 0L)));
        Instant lastReport = Instant.now();
        Duration pause = Duration.ofMillis(500);
        while (!open.isEmpty() && !cancelled && !stopping && !yielding) {
            Map<TopicPartition, Long> before = positions(open);
            List<CompletableFuture<?>> sent = new ArrayList<>();
            long scanned = 0;
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                Long end = open.get(new TopicPartition(record.topic(), record.partition()));
                if (end == null || record.offset() >= end) {
                    continue;
                }
                scanned++;
                if (definition.filter().matches(reason(record), Instant.ofEpochMilli(record.timestamp()))) {
                    sent.add(publisher.apply(republished(record)));
                }
            }
            try {
                CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(sendTimeoutMs, TimeUnit.MILLISECONDS);
                pause = Duration.ofMillis(500);
            } catch (InterruptedException interrupted) {
                throw interrupted;
            } catch (Exception notSent) {
                Throwable cause = cause(notSent);
                if (cause instanceof InterruptException interrupted) {
                    throw interrupted;
                }
                if (notSent instanceof ExecutionException && !(cause instanceof RetriableException)) {
                    // Its counts say what reached the broker; its offsets stay where the batch began.
                    current = current.with(current.progress().afterBatch(Map.of(), scanned, sent.size(),
                            succeeded(sent), Instant.now()));
                    throw cause instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException("could not re-publish a batch", cause);
                }
                // The batch is scanned again once the broker takes records; what did reach it comes twice.
                Duration retryIn = pause;
                LOG.warning(() -> "Re-drive " + definition.id() + " could not re-publish a batch, retrying in "
                        + retryIn.toMillis() + " ms: " + notSent);
                before.forEach(consumer::seek);
                Thread.sleep(pause.toMillis());
                // Not ConsumerPacing: its doubling is not public.
                Duration doubled = pause.multipliedBy(2);
                pause = doubled.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : doubled;
                continue;
            }
            Map<Integer, Long> reached = new HashMap<>();
            positions(open).forEach((tp, position) -> reached.put(tp.partition(), Math.min(position, open.get(tp))));
            List<TopicPartition> done = open.keySet().stream()
                    .filter(tp -> reached.get(tp.partition()) >= open.get(tp)).toList();
            // Paused, not unassigned: a fetch in flight for it then ends quietly.
            consumer.pause(done);
            done.forEach(open::remove);
            Instant now = Instant.now();
            current = current.with(current.progress().afterBatch(reached, scanned, sent.size(), succeeded(sent), now));
            if (Duration.between(lastReport, now).compareTo(reportInterval) >= 0) {
                lastReport = now;
                report();
                save(current);
            }
        }
        return open.isEmpty();
    }

    private Map<TopicPartition, Long> positions(Map<TopicPartition, Long> open) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        open.keySet().forEach(tp -> positions.put(tp, consumer.position(tp)));
        return positions;
    }

    private static long succeeded(List<CompletableFuture<?>> sent) {
        return sent.stream().filter(send -> send.isDone() && !send.isCompletedExceptionally()).count();
    }

    /** What failed a send, out of the wrappers the futures put around it. */
    private static Throwable cause(Exception notSent) {
        Throwable cause = notSent;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private ProducerRecord<String, byte[]> republished(ConsumerRecord<String, byte[]> deadLetter) {
        var headers = new RecordHeaders();
        for (Header header : deadLetter.headers()) {
            // The reject headers describe the dead letter, not the message: a new failure writes its own.
            if (!header.key().startsWith(LEDGER_HEADERS)) {
                headers.add(header);
            }
        }
        headers.add(HEADER_REDRIVE_ID, utf8(definition.id()));
        headers.add(HEADER_REDRIVEN_FROM, utf8(deadLetter.topic() + "-" + deadLetter.partition() + "@"
                + deadLetter.offset()));
        return new ProducerRecord<>(definition.targetTopic(), null, deadLetter.key(), deadLetter.value(), headers);
    }

    private static String reason(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(HEADER_REASON);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private void finish(RedriveState outcome, String failure) {
        current = current.with(current.progress().finished(outcome, failure, Instant.now()));
        report();
        save(current);
    }

    /**
     * Waits for the store to keep it. A stop interrupts this thread and its progress is still to be
     * kept, so the wait runs with the interrupt flag cleared, and the flag is set again after it.
     */
    private void save(Redrive redrive) {
        boolean interrupted = Thread.interrupted();
        try {
            saver.apply(redrive).get(sendTimeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
            LOG.warning(() -> "Interrupted while saving the progress of re-drive " + definition.id());
        } catch (Exception e) {
            LOG.warning(() -> "Could not save the progress of re-drive " + definition.id() + ": " + e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void report() {
        RedriveProgress progress = current.progress();
        Instant now = Instant.now();
        Long left = progress.estimatedSecondsLeft(now);
        LOG.info(() -> String.format(Locale.ROOT,
                "Re-drive %s of %s to %s: %s, scanned %d, matched %d, re-published %d, %d left, %.1f/s, ETA %s",
                definition.id(), definition.deadLetterTopic(), definition.targetTopic(), progress.state().label(),
                progress.scanned(), progress.matched(), progress.republished(), progress.remaining(),
                progress.ratePerSecond(now), left == null ? "unknown" : left + " s"));
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
