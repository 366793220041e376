package io.objectledger.lifecycle.messaging;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.objectledger.events.lifecycle.LifecycleEvent;
import io.objectledger.events.lifecycle.LifecycleEventType;
import io.objectledger.support.events.ReceivedLifecycleEvent;
import io.objectledger.support.kafka.KafkaRecordSender;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes every stored lifecycle event to the lifecycle-events topic as a CloudEvent (Kafka
 * binary mode), keyed by object. It runs in a tracking processor over the event store, so the
 * store is the outbox: a crash before the token is saved re-publishes with the same {@code ce_id}.
 * Its {@code eventSerializer} is the event store's, so that a stored event's JSON is taken as it is.
 */
@ProcessingGroup(LifecycleEventPublisher.PROCESSING_GROUP)
public record LifecycleEventPublisher(KafkaRecordSender sender, String topic, Serializer eventSerializer) {

    public static final String PROCESSING_GROUP = "lifecycle-events-publisher";
    public static final String SEQUENCE_EXTENSION = ReceivedLifecycleEvent.SEQUENCE_EXTENSION;
    private static final URI SOURCE = URI.create(LifecycleEventType.SOURCE);
    private static final long SEND_TIMEOUT_SECONDS = 30;
    private static final String PENDING_SENDS = LifecycleEventPublisher.class.getName() + ".pendingSends";

    /**
     * The CloudEvent's data is the stored JSON itself: the store writes events with the
     * contract's mapping, so reading each event into objects and writing it again would cost
     * time for the same bytes.
     */
    @EventHandler(payloadType = LifecycleEvent.class)
    public void on(DomainEventMessage<?> message) {
        byte[] data = message.serializePayload(eventSerializer, byte[].class).getData();
        EventAttributes attributes = EventAttributes.read(data);
        CloudEvent cloudEvent = CloudEventBuilder.v1()
                .withId(message.getIdentifier())
                .withType(LifecycleEventType.ofEventClass(message.getPayloadType()).cloudEventType())
                .withSource(SOURCE)
                .withSubject(attributes.object().subject())
                .withTime(attributes.eventTime().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(data)
                .withExtension(SEQUENCE_EXTENSION, message.getSequenceNumber())
                .build();
        ProducerRecord<String, byte[]> record = KafkaMessageFactory
                .createWriter(topic, null, null, message.getAggregateIdentifier())
                .writeBinary(cloudEvent);
        pendingSends().add(sender.send(record));
    }

    /**
     * The sends of the processor's current batch. They are all awaited once, before the batch's
     * token is committed: one broker round trip per batch, and a failed send fails the batch,
     * which the processor then publishes again from its last token (same {@code ce_id}s). One
     * producer sending in order keeps each object's events in order on its partition.
     */
    private List<CompletableFuture<?>> pendingSends() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING_SENDS, key -> {
            List<CompletableFuture<?>> pending = new ArrayList<>();
            batch.onPrepareCommit(unitOfWork -> awaitAll(pending));
            return pending;
        });
    }

    private static void awaitAll(List<CompletableFuture<?>> pending) {
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing lifecycle events", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not publish " + pending.size()
                    + " lifecycle events; the batch is published again: " + e, e);
        }
    }
}
