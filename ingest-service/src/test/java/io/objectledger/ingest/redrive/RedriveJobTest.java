package io.objectledger.ingest.redrive;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class RedriveJobTest {

    private static final String DLQ = "rgw-notifications-dlq";
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private static final TopicPartition P0 = new TopicPartition(DLQ, 0);

    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    private final List<ProducerRecord<String, byte[]>> published = new ArrayList<>();
    private final List<Redrive> saved = new ArrayList<>();
    private final List<Boolean> savedWhileInterrupted = new ArrayList<>();
    private Duration reportInterval = Duration.ofMillis(1);

    @Test
    void matchingDeadLettersGoBackToTheirTopicWithKeyBytesAndTheRedriveId() {
        deadLetters(record(0, "unknown-event", "k0", T0), record(1, "invalid-json", "k1", T0),
                record(2, "unknown-event", null, T0.plusSeconds(1)));
        RedriveJob job = job(new DeadLetterFilter("unknown-event", null, null), Map.of(0, 0L), Map.of(0, 3L));

        job.run();

        assertThat(published).extracting(ProducerRecord::topic).containsOnly("rgw-notifications");
        assertThat(published).extracting(ProducerRecord::key).containsExactly("k0", null);
        assertThat(published).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactly("body-0", "body-2");
        ProducerRecord<String, byte[]> first = published.get(0);
        assertThat(header(first, RedriveJob.HEADER_REDRIVE_ID)).isEqualTo("r-1");
        assertThat(header(first, RedriveJob.HEADER_REDRIVEN_FROM)).isEqualTo(DLQ + "-0@0");
        assertThat(first.headers().lastHeader("ledger-reject-reason")).as("the reject headers stay behind").isNull();
        assertThat(header(first, "traceparent")).as("the message's own headers go along").isEqualTo("trace-0");
    }

    @Test
    void aFinishedRedriveCountsWhatItScannedMatchedAndRepublishedAndIsSaved() {
        deadLetters(record(0, "unknown-event", "k0", T0), record(1, "invalid-json", "k1", T0),
                record(2, "unknown-event", "k2", T0));
        RedriveJob job = job(new DeadLetterFilter("unknown-event", null, null), Map.of(0, 0L), Map.of(0, 3L));

        job.run();

        RedriveProgress progress = job.current().progress();
        assertThat(progress.state()).isEqualTo(RedriveState.DONE);
        assertThat(progress.scanned()).isEqualTo(3);
        assertThat(progress.matched()).isEqualTo(2);
        assertThat(progress.republished()).isEqualTo(2);
        assertThat(progress.remaining()).isZero();
        assertThat(saved).last().satisfies(last -> assertThat(last.progress().state()).isEqualTo(RedriveState.DONE));
    }

    @Test
    void deadLettersWrittenAfterTheStartAreLeftForAnotherRedrive() {
        deadLetters(record(0, "unknown-event", "k0", T0), record(1, "unknown-event", "later", T0));
        RedriveJob job = job(DeadLetterFilter.ALL, Map.of(0, 0L), Map.of(0, 1L));

        job.run();

        assertThat(published).extracting(ProducerRecord::key).containsExactly("k0");
        assertThat(job.current().progress().scanned()).isEqualTo(1);
    }

    @Test
    void theTimeRangeIsTheTimeOfTheDeadLetter() {
        deadLetters(record(0, "x", "before", T0.minusSeconds(1)), record(1, "x", "inside", T0),
                record(2, "x", "after", T0.plusSeconds(60)));
        RedriveJob job = job(new DeadLetterFilter(null, T0, T0.plusSeconds(60)), Map.of(0, 0L), Map.of(0, 3L));

        job.run();

        assertThat(published).extracting(ProducerRecord::key).containsExactly("inside");
    }

    @Test
    void aResumedRedriveStartsWhereItsProgressSays() {
        deadLetters(record(0, "x", "done-before", T0), record(1, "x", "k1", T0), record(2, "x", "k2", T0));
        RedriveJob job = job(DeadLetterFilter.ALL, Map.of(0, 1L), Map.of(0, 3L));

        job.run();

        assertThat(published).extracting(ProducerRecord::key).containsExactly("k1", "k2");
    }

    @Test
    void anEmptyDeadLetterTopicIsDoneAtOnce() {
        RedriveJob job = job(DeadLetterFilter.ALL, Map.of(0, 5L), Map.of(0, 5L));

        job.run();

        assertThat(job.current().progress().state()).isEqualTo(RedriveState.DONE);
        assertThat(published).isEmpty();
    }

    @Test
    void aCancelledRedriveEndsCancelled() {
        deadLetters(record(0, "x", "k0", T0));
        RedriveJob job = job(DeadLetterFilter.ALL, Map.of(0, 0L), Map.of(0, 100L));
        consumer.schedulePollTask(job::cancel);

        job.run();

        assertThat(job.current().progress().state()).isEqualTo(RedriveState.CANCELLED);
        assertThat(saved).last().satisfies(last -> assertThat(last.progress().state()).isEqualTo(RedriveState.CANCELLED));
    }

    @Test
    void aStopWhileWaitingForTheBrokerLeavesTheRedriveRunningWithItsProgressSaved() {
        deadLetters(record(0, "x", "k0", T0), record(1, "x", "k1", T0));
        deadLetters(record(2, "x", "k2", T0));
        reportInterval = Duration.ofHours(1);
        AtomicReference<RedriveJob> job = new AtomicReference<>();
        job.set(job(DeadLetterFilter.ALL, Map.of(0, 0L), Map.of(0, 100L), record -> {
            published.add(record);
            if ("k2".equals(record.key())) {
                // The shutdown comes while the broker has yet to take k2.
                job.get().stop();
                return new CompletableFuture<>();
            }
            return CompletableFuture.completedFuture(null);
        }));

        job.get().run();

        assertThat(Thread.interrupted()).as("the interrupt is kept for the thread's owner").isTrue();
        assertThat(saved).hasSize(1);
        assertThat(savedWhileInterrupted).as("the save is not cut short by the interrupt").containsExactly(false);
        RedriveProgress kept = saved.get(0).progress();
        assertThat(kept.state()).isEqualTo(RedriveState.RUNNING);
        assertThat(kept.nextOffsets()).isEqualTo(Map.of(0, 2L));
        assertThat(kept.republished()).isEqualTo(2);
        assertThat(job.get().current().progress().state()).isEqualTo(RedriveState.RUNNING);
    }

    @Test
    void aStopDuringTheBackOffLeavesTheRedriveRunning() {
        deadLetters(record(0, "x", "k0", T0));
        AtomicReference<RedriveJob> job = new AtomicReference<>();
        job.set(job(DeadLetterFilter.ALL, Map.of(0, 0L), Map.of(0, 1L), record -> {
            job.get().stop();
            return CompletableFuture.failedFuture(new NotEnoughReplicasException("one replica in sync"));
        }));

        job.get().run();

        assertThat(Thread.interrupted()).isTrue();
        assertThat(saved).last().satisfies(last -> {
            assertThat(last.progress().state()).isEqualTo(RedriveState.RUNNING);
            assertThat(last.progress().nextOffsets()).isEqualTo(Map.of(0, 0L));
        });
    }

    @Test
    void aRetriableSendErrorSendsTheBatchAgain() {
        deadLetters(record(0, "x", "k0", T0));
        // MockConsumer forgets what it returned; the broker keeps it for the scan again.
        deadLetters(record(0, "x", "k0", T0));
        AtomicInteger attempts = new AtomicInteger();
        RedriveJob job = job(DeadLetterFilter.ALL, Map.of(0, 0L), Map.of(0, 1L), record -> {
            published.add(record);
            return attempts.incrementAndGet() == 1
                    ? CompletableFuture.failedFuture(new NotEnoughReplicasException("one replica in sync"))
                    : CompletableFuture.completedFuture(null);
        });

        job.run();

        assertThat(published).extracting(ProducerRecord::key).containsExactly("k0", "k0");
        assertThat(job.current().progress().state()).isEqualTo(RedriveState.DONE);
        assertThat(job.current().progress().republished()).isEqualTo(1);
    }

    @Test
    void aNonRetriableSendErrorFailsTheRedrive() {
        deadLetters(record(0, "x", "k0", T0), record(1, "x", "k1", T0));
        deadLetters(record(2, "x", "k2", T0));
        RedriveJob job = job(DeadLetterFilter.ALL, Map.of(0, 0L), Map.of(0, 3L), record -> {
            published.add(record);
            return "k1".equals(record.key())
                    ? CompletableFuture.failedFuture(new RecordTooLargeException("k1 is too large"))
                    : CompletableFuture.completedFuture(null);
        });

        job.run();

        RedriveProgress progress = job.current().progress();
        assertThat(progress.state()).isEqualTo(RedriveState.FAILED);
        assertThat(progress.failure()).contains("RecordTooLargeException");
        assertThat(progress.matched()).isEqualTo(2);
        assertThat(progress.republished()).as("only what the broker took").isEqualTo(1);
        assertThat(progress.nextOffsets()).isEqualTo(Map.of(0, 0L));
        assertThat(published).extracting(ProducerRecord::key).containsExactly("k0", "k1");
        assertThat(saved).last().satisfies(last -> assertThat(last.progress().state()).isEqualTo(RedriveState.FAILED));
    }

    private RedriveJob job(DeadLetterFilter filter, Map<Integer, Long> next, Map<Integer, Long> end) {
        return job(filter, next, end, record -> {
            published.add(record);
            return CompletableFuture.completedFuture(null);
        });
    }

    private RedriveJob job(DeadLetterFilter filter, Map<Integer, Long> next, Map<Integer, Long> end,
                           Function<ProducerRecord<String, byte[]>, CompletableFuture<?>> publisher) {
        Redrive redrive = new Redrive(new RedriveDefinition("r-1", DLQ, "rgw-notifications", filter, T0),
                RedriveProgress.starting("ingest-0", next, end, T0));
        return new RedriveJob(redrive, consumer, publisher, state -> {
            saved.add(state);
            savedWhileInterrupted.add(Thread.currentThread().isInterrupted());
            return CompletableFuture.completedFuture(null);
        }, reportInterval, 1_000);
    }

    /** Dead letters the consumer finds once the job has assigned the partition. */
    @SafeVarargs
    private void deadLetters(ConsumerRecord<String, byte[]>... records) {
        consumer.schedulePollTask(() -> List.of(records).forEach(consumer::addRecord));
    }

    private static ConsumerRecord<String, byte[]> record(long offset, String reason, String key, Instant at) {
        var headers = new RecordHeaders()
                .add("ledger-reject-reason", reason.getBytes(StandardCharsets.UTF_8))
                .add("traceparent", ("trace-" + offset).getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>(DLQ, P0.partition(), offset, at.toEpochMilli(), TimestampType.CREATE_TIME, -1, -1,
                key, ("body-" + offset).getBytes(StandardCharsets.UTF_8), headers, Optional.empty());
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
