package io.objectledger.events.lifecycle;

import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;

/** An object was removed; {@code deleteMarker} when a versioned bucket only hid it. */
public record ObjectRemoved(ObjectIdentity object, ObjectFacts facts, boolean deleteMarker,
                            ChangeContext change, StateAfter stateAfter) implements LifecycleEvent {

    public ObjectRemoved {
        stateAfter = StateAfter.orUnknown(stateAfter);
    }
}
