package io.objectledger.lifecycle.messaging;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.objectledger.events.json.LifecycleEventCodec;
import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.lifecycle.LifecycleEvent;
import io.objectledger.events.lifecycle.ObjectCreated;
import io.objectledger.events.lifecycle.TagsApplied;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;
import io.objectledger.lifecycle.config.Serializers;
import io.objectledger.support.kafka.KafkaRecordSender;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publisher sends a stored event's JSON as it is: the CloudEvent must be the one built from
 * the event itself (same data bytes as the contract's codec, same attributes), and the event is
 * never read into objects on the way.
 */
class LifecycleEventPublisherTest {

    private static final ObjectIdentity OBJECT = new ObjectIdentity("tenant:photos", "2026/a b+c&d/é.jpg");
    private static final ObjectFacts FACTS = new ObjectFacts(12, "etag", "v1", Map.of("k", "v"), Map.of("t", "1"));
    private static final Instant EVENT_TIME = Instant.parse("2026-11-27T05:00:01.123456Z");

    private final Serializer serializer = Serializers.events();
    private final List<ProducerRecord<String, byte[]>> sent = new ArrayList<>();
    private final KafkaRecordSender sender = new KafkaRecordSender() {
        @Override
        public CompletableFuture<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
            sent.add(record);
            return CompletableFuture.completedFuture(new RecordMetadata(new TopicPartition(record.topic(), 0), 0, 0, 0, 0, 0));
        }
    };

    @Test
    void storedEventsArePublishedWithTheirStoredJsonAndTheAttributesOfTheEvent() {
        LifecycleEvent created = new ObjectCreated(OBJECT, FACTS, change("c1"), null);
        LifecycleEvent tagged = new TagsApplied(OBJECT, FACTS, Map.of("t", "1"), "rule", "p1", change("c2"), null);

        publish(stored(created, 0), stored(tagged, 1));

        assertThat(sent).hasSize(2);
        assertPublished(sent.get(0), created, 0, "io.objectledger.object.created.v1");
        assertPublished(sent.get(1), tagged, 1, "io.objectledger.object.tags-applied.v1");
    }

    @Test
    void publishingDoesNotDeserialiseTheStoredEvent() {
        SerializedMessage<?> serialized = serialized(new ObjectCreated(OBJECT, FACTS, change("c1"), null), 0);

        publish(asStored(serialized, 0));

        assertThat(sent).hasSize(1);
        assertThat(serialized.isPayloadDeserialized()).isFalse();
    }

    private void assertPublished(ProducerRecord<String, byte[]> record, LifecycleEvent event, long sequence, String type) {
        CloudEvent cloudEvent = KafkaMessageFactory.createReader(record.headers(), record.value()).toEvent();
        assertThat(record.key()).isEqualTo(OBJECT.aggregateId());
        assertThat(cloudEvent.getType()).isEqualTo(type);
        assertThat(cloudEvent.getSubject()).isEqualTo(OBJECT.subject());
        assertThat(cloudEvent.getTime()).isEqualTo(EVENT_TIME.atOffset(ZoneOffset.UTC));
        // Kafka binary mode carries extensions as header strings
        assertThat(cloudEvent.getExtension(LifecycleEventPublisher.SEQUENCE_EXTENSION)).hasToString(String.valueOf(sequence));
        assertThat(cloudEvent.getData().toBytes()).isEqualTo(new LifecycleEventCodec().encode(event));
        assertThat(new LifecycleEventCodec().decode(type, cloudEvent.getData().toBytes())).isEqualTo(event);
    }

    private void publish(DomainEventMessage<?>... messages) {
        AnnotationEventHandlerAdapter handler = new AnnotationEventHandlerAdapter(
                new LifecycleEventPublisher(sender, "object-lifecycle-events", serializer));
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            for (DomainEventMessage<?> message : messages) {
                try {
                    handler.handle(message);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
    }

    /** As the JDBC event store hands a stored event out: payload and metadata still serialised. */
    private DomainEventMessage<?> stored(LifecycleEvent event, long sequence) {
        return asStored(serialized(event, sequence), sequence);
    }

    private SerializedMessage<?> serialized(LifecycleEvent event, long sequence) {
        return new SerializedMessage<>("event-" + sequence, serializer.serialize(event, byte[].class),
                serializer.serialize(MetaData.emptyInstance(), byte[].class), serializer);
    }

    private static DomainEventMessage<?> asStored(SerializedMessage<?> serialized, long sequence) {
        return new GenericDomainEventMessage<>("ObjectLifecycle", OBJECT.aggregateId(), sequence, serialized, Instant::now);
    }

    private static ChangeContext change(String id) {
        return new ChangeContext(id, "ObjectCreated:Put", EVENT_TIME, EVENT_TIME.plusSeconds(1), "", "u", "r", "g", "c", "");
    }
}
