package io.objectledger.support.events;

import io.cloudevents.CloudEvent;
import io.objectledger.events.json.LifecycleEventCodec;
import io.objectledger.events.lifecycle.LifecycleEvent;
import io.objectledger.events.lifecycle.LifecycleEventType;

import java.util.Optional;

/**
 * A lifecycle event as a subscriber receives it from the lifecycle-events topic.
 *
 * @param id       the CloudEvents id: stable across re-deliveries, the key to de-duplicate on
 * @param sequence the event's position in its object's history (0, 1, 2, ...)
 */
public record ReceivedLifecycleEvent(String id, String type, long sequence, LifecycleEvent event) {

    public static final String SEQUENCE_EXTENSION = "ledgersequence";
    private static final LifecycleEventCodec CODEC = new LifecycleEventCodec();

    /** Empty for an event type this build does not know (a newer contract version). */
    public static Optional<ReceivedLifecycleEvent> from(CloudEvent cloudEvent) {
        if (LifecycleEventType.ofCloudEventType(cloudEvent.getType()).isEmpty()) {
            return Optional.empty();
        }
        if (cloudEvent.getData() == null) {
            throw new IllegalArgumentException("lifecycle event " + cloudEvent.getId() + " has no data");
        }
        Object sequence = cloudEvent.getExtension(SEQUENCE_EXTENSION);
        if (sequence == null) {
            throw new IllegalArgumentException("lifecycle event " + cloudEvent.getId() + " has no "
                    + SEQUENCE_EXTENSION + " extension");
        }
        LifecycleEvent event = CODEC.decode(cloudEvent.getType(), cloudEvent.getData().toBytes());
        return Optional.of(new ReceivedLifecycleEvent(cloudEvent.getId(), cloudEvent.getType(),
                Long.parseLong(sequence.toString()), event));
    }
}
