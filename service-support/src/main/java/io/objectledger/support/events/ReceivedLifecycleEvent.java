package io.objectledger.support.events;

import io.objectledger.events.json.LifecycleEventCodec;
import io.objectledger.events.lifecycle.LifecycleEvent;
import io.objectledger.events.lifecycle.LifecycleEventType;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A lifecycle event as a subscriber receives it from the lifecycle-events topic.
 *
 * @param id       the CloudEvents id: stable across re-deliveries, the key to de-duplicate on
 * @param sequence the event's position in its object's history (0, 1, 2, ...)
 * @param json     the event's JSON as published (the CloudEvents data), fields this build does not know included
 */
public record ReceivedLifecycleEvent(String id, String type, long sequence, LifecycleEvent event, String json) {

    public static final String SEQUENCE_EXTENSION = "ledgersequence";
    private static final LifecycleEventCodec CODEC = new LifecycleEventCodec();

    /** An event as the ledger publishes it: its JSON is the contract's encoding of {@code event}. */
    public ReceivedLifecycleEvent(String id, String type, long sequence, LifecycleEvent event) {
        this(id, type, sequence, event, new String(CODEC.encode(event), StandardCharsets.UTF_8));
    }

    /** Empty for an event type this build does not know (a newer contract version). */
    static Optional<ReceivedLifecycleEvent> from(ReceivedAttributes attributes) {
        String id = attributes.id();
        String type = attributes.type();
        if (LifecycleEventType.ofCloudEventType(type).isEmpty()) {
            return Optional.empty();
        }
        if (attributes.data() == null) {
            throw new IllegalArgumentException("lifecycle event " + id + " has no data");
        }
        if (attributes.sequence() == null) {
            throw new IllegalArgumentException("lifecycle event " + id + " has no " + SEQUENCE_EXTENSION
                    + " extension");
        }
        LifecycleEvent event = CODEC.decode(type, attributes.data());
        return Optional.of(new ReceivedLifecycleEvent(id, type, Long.parseLong(attributes.sequence()), event,
                new String(attributes.data(), StandardCharsets.UTF_8)));
    }
}
