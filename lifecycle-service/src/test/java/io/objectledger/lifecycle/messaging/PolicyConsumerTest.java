package io.objectledger.lifecycle.messaging;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.objectledger.events.json.LifecycleEventCodec;
import io.objectledger.events.lifecycle.LifecycleEvent;
import io.objectledger.events.lifecycle.LifecycleEventType;
import io.objectledger.events.lifecycle.ObjectCreated;
import io.objectledger.events.lifecycle.RetentionEnded;
import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;
import io.objectledger.lifecycle.command.RecordDispositionApplied;
import io.objectledger.lifecycle.policy.Enrichment;
import io.objectledger.lifecycle.policy.Policy;
import io.objectledger.lifecycle.policy.PolicyEnforcer;
import io.objectledger.lifecycle.policy.RecordingGateway;
import io.objectledger.lifecycle.policy.S3Retry;
import io.objectledger.lifecycle.policy.ScriptedS3;
import io.objectledger.lifecycle.s3.ObjectStore;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the policy consumer walks a batch of published lifecycle events: what it decodes, where it stops. */
class PolicyConsumerTest {

    private static final ObjectFacts FACTS = new ObjectFacts(12, "etag", "", Map.of(), Map.of());
    private static final Instant TIME = Instant.parse("2026-11-27T07:00:00Z");

    private final RecordingGateway commands = new RecordingGateway();
    private final PolicyConsumer consumer = new PolicyConsumer();

    PolicyConsumerTest() {
        consumer.enforcer = new PolicyEnforcer(Policy.NONE, Enrichment.OFF, new ObjectStore(new ScriptedS3()), commands,
                new S3Retry(1, Duration.ZERO, Duration.ofSeconds(30)));
        consumer.batchSeconds = 60;
    }

    @Test
    void withoutRulesOnlyRetentionEndsAreActedOnAndOtherEventsPassUnread() {
        List<ConsumerRecord<String, byte[]>> batch = List.of(
                record(0, LifecycleEventType.OBJECT_CREATED.cloudEventType(), "not json at all".getBytes()),
                record(1, ended("a")),
                record(2, created("b")),
                record(3, ended("c")));

        assertThat(consumer.handle(batch)).isEqualTo(4);

        assertThat(commands.sent).hasSize(2).allSatisfy(command ->
                assertThat(command).isInstanceOf(RecordDispositionApplied.class));
        assertThat(commands.sent).extracting(command -> ((RecordDispositionApplied) command).object().key())
                .containsExactly("a", "c");
    }

    @Test
    void batchStopsAfterItsTimeAndReportsHowFarItGot() {
        consumer.batchSeconds = 0;

        assertThat(consumer.handle(List.of(record(0, ended("a")), record(1, ended("b")), record(2, ended("c")))))
                .isEqualTo(1);
        assertThat(commands.sent).hasSize(1);
    }

    @Test
    void failureKeepsWhatIsDoneAndFailsTheBatchOnlyWhenNothingIs() {
        commands.failFrom = 1;
        List<ConsumerRecord<String, byte[]>> batch = List.of(record(0, ended("a")), record(1, ended("b")));

        assertThat(consumer.handle(batch)).isEqualTo(1);
        assertThatThrownBy(() -> consumer.handle(batch.subList(1, 2))).hasMessageContaining("event store down");
    }

    private static LifecycleEvent ended(String key) {
        return new RetentionEnded(new ObjectIdentity("records", key), FACTS, "keep-7y", "TAG", TIME, change(key), null);
    }

    private static LifecycleEvent created(String key) {
        return new ObjectCreated(new ObjectIdentity("records", key), FACTS, change(key), null);
    }

    private static ChangeContext change(String key) {
        return new ChangeContext("change-" + key, "ObjectCreated:Put", TIME, TIME, "", "u", "r", "g", "c", "");
    }

    private static ConsumerRecord<String, byte[]> record(long offset, LifecycleEvent event) {
        return record(offset, LifecycleEventType.of(event).cloudEventType(), new LifecycleEventCodec().encode(event));
    }

    /** A record as the publisher writes it: a binary-mode CloudEvent. */
    private static ConsumerRecord<String, byte[]> record(long offset, String type, byte[] data) {
        ProducerRecord<String, byte[]> published = KafkaMessageFactory
                .createWriter("object-lifecycle-events", null, null, "object-" + offset)
                .writeBinary(CloudEventBuilder.v1().withId("event-" + offset).withType(type)
                        .withSource(URI.create("/object-ledger")).withData(data)
                        .withExtension("ledgersequence", offset).build());
        return new ConsumerRecord<>(published.topic(), 0, offset, 0L, TimestampType.CREATE_TIME, 0, data.length,
                published.key(), published.value(), published.headers(), Optional.empty());
    }
}
