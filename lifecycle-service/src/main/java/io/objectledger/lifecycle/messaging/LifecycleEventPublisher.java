package io.objectledger.lifecycle.messaging;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.objectledger.events.json.LifecycleEventCodec;
import io.objectledger.events.lifecycle.LifecycleEvent;
import io.objectledger.events.lifecycle.LifecycleEventType;
import io.objectledger.support.events.ReceivedLifecycleEvent;
import io.objectledger.support.kafka.KafkaRecordSender;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.DomainEventMessage;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes every stored lifecycle event to the lifecycle-events topic as a CloudEvent (Kafka
 * binary mode), keyed by object. It runs in a tracking processor over the event store, so the
 * store is the outbox: a crash before the token is saved re-publishes with the same {@code ce_id}.
 */
@ProcessingGroup(LifecycleEventPublisher.PROCESSING_GROUP)
public class LifecycleEventPublisher {

    public static final String PROCESSING_GROUP = "lifecycle-events-publisher";
    public static final String SEQUENCE_EXTENSION = ReceivedLifecycleEvent.SEQUENCE_EXTENSION;
    private static final URI SOURCE = URI.create(LifecycleEventType.SOURCE);
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final KafkaRecordSender sender;
    private final String topic;
    private final LifecycleEventCodec codec = new LifecycleEventCodec();

    public LifecycleEventPublisher(KafkaRecordSender sender, String topic) {
        this.sender = sender;
        this.topic = topic;
    }

    @EventHandler
    public void on(LifecycleEvent event, EventMessage<?> message)
            throws ExecutionException, InterruptedException, TimeoutException {
        CloudEvent cloudEvent = CloudEventBuilder.v1()
                .withId(message.getIdentifier())
                .withType(LifecycleEventType.of(event).cloudEventType())
                .withSource(SOURCE)
                .withSubject(event.object().subject())
                .withTime(event.change().eventTime().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(codec.encode(event))
                .withExtension(SEQUENCE_EXTENSION, ((DomainEventMessage<?>) message).getSequenceNumber())
                .build();
        ProducerRecord<String, byte[]> record = KafkaMessageFactory
                .createWriter(topic, null, null, event.object().aggregateId())
                .writeBinary(cloudEvent);
        // Waiting keeps the per-object order and lets the processor retry the batch on failure.
        sender.send(record).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
