package io.objectledger.events.lifecycle;

import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;

import java.time.Instant;

/**
 * Compliance alert: the object was removed while under retention or legal hold.
 *
 * @param change the removal that violated it
 */
public record RetentionViolated(ObjectIdentity object, ObjectFacts facts, Instant retainUntil, boolean legalHold,
                                String rule, ChangeContext change, StateAfter stateAfter) implements LifecycleEvent {

    public RetentionViolated {
        stateAfter = StateAfter.orUnknown(stateAfter);
    }
}
