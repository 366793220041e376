package io.objectledger.events.lifecycle;

import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;

/**
 * A tagging rule could not be applied: the S3 call failed, or the rule would break S3's limits.
 *
 * @param willRetry whether the ledger tries again; false when the failure is final
 */
public record TaggingFailed(ObjectIdentity object, ObjectFacts facts, String rule, String policyVersion,
                            String error, int attempt, boolean willRetry, ChangeContext change, StateAfter stateAfter)
        implements LifecycleEvent {

    public TaggingFailed {
        stateAfter = StateAfter.orUnknown(stateAfter);
    }
}
