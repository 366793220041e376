package io.objectledger.events.lifecycle;

import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.LifecycleScope;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;

/** A bucket lifecycle rule expired (part of) the object; see {@link LifecycleScope}. */
public record ObjectExpired(ObjectIdentity object, ObjectFacts facts, LifecycleScope scope,
                            boolean deleteMarkerCreated, ChangeContext change, StateAfter stateAfter)
        implements LifecycleEvent {

    public ObjectExpired {
        stateAfter = StateAfter.orUnknown(stateAfter);
    }
}
