package io.objectledger.events.lifecycle;

import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;

public record ObjectCreated(ObjectIdentity object, ObjectFacts facts, ChangeContext change, StateAfter stateAfter)
        implements LifecycleEvent {

    public ObjectCreated {
        stateAfter = StateAfter.orUnknown(stateAfter);
    }
}
