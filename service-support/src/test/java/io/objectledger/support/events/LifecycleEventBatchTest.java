package io.objectledger.support.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.objectledger.events.lifecycle.ObjectCreated;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading lifecycle-events records as the publisher writes them (CloudEvents binary mode). */
class LifecycleEventBatchTest {

    private static final String TOPIC = "object-lifecycle-events";
    private static final String CREATED = "{\"object\":{\"bucket\":\"photos\",\"key\":\"2026/11/img 1.jpg\"},"
            + "\"facts\":{\"size\":1024,\"eTag\":\"d417f58f78967c57c4053f0aea5ccd61\",\"versionId\":\"\","
            + "\"metadata\":{},\"tags\":{},\"contentType\":\"\"},"
            + "\"change\":{\"changeId\":\"da39f1e7a5795c3ad36888a0fde1bf7ac2fe778a0455d376cf4a9c903e68a151\","
            + "\"eventName\":\"ObjectCreated:Put\",\"eventTime\":\"2026-11-27T16:49:09.458073Z\","
            + "\"receivedAt\":\"2026-11-27T16:49:10.525877735Z\",\"sequencer\":\"9968C9D644610600\","
            + "\"principalId\":\"alice\",\"requestId\":\"r-1\",\"gatewayId\":\"gw\",\"configurationId\":\"notif\","
            + "\"opaqueData\":\"\"},"
            + "\"stateAfter\":{\"presence\":\"PRESENT\",\"versionId\":\"\",\"facts\":{\"size\":1024,"
            + "\"eTag\":\"d417f58f78967c57c4053f0aea5ccd61\",\"versionId\":\"\",\"metadata\":{},\"tags\":{},"
            + "\"contentType\":\"\"},\"since\":\"2026-11-27T16:49:09.458073Z\",\"versionCount\":1}}";

    @Test
    void readsTheIdTypeSequenceAndDataThePublisherWrote() {
        ReceivedLifecycleEvent received = LifecycleEventBatch.decode(record(
                published("0190e2f4-7c1a-7d4e-9a1b-2f3c4d5e6f70", "io.objectledger.object.created.v1", 7L)))
                .orElseThrow();

        assertThat(received.id()).isEqualTo("0190e2f4-7c1a-7d4e-9a1b-2f3c4d5e6f70");
        assertThat(received.type()).isEqualTo("io.objectledger.object.created.v1");
        assertThat(received.sequence()).isEqualTo(7);
        assertThat(received.json()).isEqualTo(CREATED);
        assertThat(received.event()).isInstanceOf(ObjectCreated.class);
        assertThat(received.event().object().key()).isEqualTo("2026/11/img 1.jpg");
    }

    @Test
    void aBatchKeepsWhatItCanReadAndSkipsTheRest() {
        ConsumerRecord<String, byte[]> known = record(published("e-1", "io.objectledger.object.created.v1", 0L));
        ConsumerRecord<String, byte[]> newerContract = record(published("e-2", "io.objectledger.object.renamed.v2", 1L));
        ConsumerRecord<String, byte[]> withoutSequence = record(published("e-3", "io.objectledger.object.created.v1", null));
        ConsumerRecord<String, byte[]> notACloudEvent = new ConsumerRecord<>(TOPIC, 0, 3, "key",
                CREATED.getBytes(StandardCharsets.UTF_8));

        List<ReceivedLifecycleEvent> read = LifecycleEventBatch.decode(
                List.of(newerContract, withoutSequence, known, notACloudEvent));

        assertThat(read).extracting(ReceivedLifecycleEvent::id).containsExactly("e-1");
        assertThat(LifecycleEventBatch.decode(notACloudEvent)).isEqualTo(Optional.empty());
    }

    private static ProducerRecord<String, byte[]> published(String id, String type, Long sequence) {
        CloudEventBuilder event = CloudEventBuilder.v1()
                .withId(id)
                .withType(type)
                .withSource(URI.create("/object-ledger/lifecycle-service"))
                .withSubject("photos/2026/11/img 1.jpg")
                .withTime(OffsetDateTime.parse("2026-11-27T16:49:09.458073Z"))
                .withDataContentType("application/json")
                .withData(CREATED.getBytes(StandardCharsets.UTF_8));
        if (sequence != null) {
            event.withExtension(ReceivedLifecycleEvent.SEQUENCE_EXTENSION, sequence);
        }
        CloudEvent cloudEvent = event.build();
        return KafkaMessageFactory.createWriter(TOPIC, null, null, "object-id").writeBinary(cloudEvent);
    }

    private static ConsumerRecord<String, byte[]> record(ProducerRecord<String, byte[]> sent) {
        return new ConsumerRecord<>(TOPIC, 0, 0, 0L, TimestampType.CREATE_TIME, 0, sent.value().length,
                sent.key(), sent.value(), new RecordHeaders(sent.headers().toArray()), Optional.empty());
    }
}
