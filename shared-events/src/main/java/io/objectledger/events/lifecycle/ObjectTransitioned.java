package io.objectledger.events.lifecycle;

import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.LifecycleScope;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;

/** A bucket lifecycle rule moved an object version to another storage class. */
public record ObjectTransitioned(ObjectIdentity object, ObjectFacts facts, LifecycleScope scope,
                                 ChangeContext change, StateAfter stateAfter) implements LifecycleEvent {

    public ObjectTransitioned {
        stateAfter = StateAfter.orUnknown(stateAfter);
    }
}
