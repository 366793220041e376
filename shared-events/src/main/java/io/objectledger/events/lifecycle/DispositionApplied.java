package io.objectledger.events.lifecycle;

import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;

/**
 * The ledger applied a retention rule's disposition through S3 once the retention ended:
 * {@code DELETE} removed the object, {@code TAG_EXPIRED} tagged it {@code ledger-retention=expired}.
 */
public record DispositionApplied(ObjectIdentity object, ObjectFacts facts, String rule, String disposition,
                                 ChangeContext change, StateAfter stateAfter) implements LifecycleEvent {

    public DispositionApplied {
        stateAfter = StateAfter.orUnknown(stateAfter);
    }
}
