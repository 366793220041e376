package io.objectledger.events.lifecycle;

import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;

/** A retention rule could not be applied through S3. */
public record RetentionFailed(ObjectIdentity object, ObjectFacts facts, String rule, String policyVersion,
                              String error, int attempt, boolean willRetry, ChangeContext change, StateAfter stateAfter)
        implements LifecycleEvent {

    public RetentionFailed {
        stateAfter = StateAfter.orUnknown(stateAfter);
    }
}
