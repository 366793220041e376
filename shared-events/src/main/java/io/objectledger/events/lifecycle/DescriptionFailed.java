package io.objectledger.events.lifecycle;

import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;

/**
 * HeadObject could not read an object version's facts: the gateway failed, or the object is not
 * there (gone already, or not yet visible on this zone).
 *
 * @param facts     the facts the ledger had, which stay as they are
 * @param willRetry whether the ledger tries again; false when the failure is final
 */
public record DescriptionFailed(ObjectIdentity object, ObjectFacts facts, String error, int attempt,
                                boolean willRetry, ChangeContext change, StateAfter stateAfter)
        implements LifecycleEvent {

    public DescriptionFailed {
        stateAfter = StateAfter.orUnknown(stateAfter);
    }
}
