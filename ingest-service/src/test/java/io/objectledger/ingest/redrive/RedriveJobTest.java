package io.objectledger.ingest.redrive;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
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

import static org.assertj.core.api.Assertions.assertThat;

class RedriveJobTest {

    private static final String DLQ = "rgw-notifications-dlq";
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private static final TopicPartition P0 = new TopicPartition(DLQ, 0);

    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    private final List<ProducerRecord<String, byte[]>> published = new ArrayList<>();
    private final List<Redrive> saved = new ArrayList<>();

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

    private RedriveJob job(DeadLetterFilter filter, Map<Integer, Long> next, Map<Integer, Long> end) {
        Redrive redrive = new Redrive(new RedriveDefinition("r-1", DLQ, "rgw-notifications", filter, T0),
                RedriveProgress.starting("ingest-0", next, end, T0));
        return new RedriveJob(redrive, consumer, record -> {
            published.add(record);
            return CompletableFuture.completedFuture(null);
        }, state -> {
            saved.add(state);
            return CompletableFuture.completedFuture(null);
        }, Duration.ofMillis(1), 1_000);
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
