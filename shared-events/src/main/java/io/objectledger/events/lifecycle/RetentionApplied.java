package io.objectledger.events.lifecycle;

import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;

import java.time.Instant;

/**
 * A retention rule took effect: S3 Object Lock retention (GOVERNANCE or COMPLIANCE) and legal
 * hold set through S3, or, where the bucket has no Object Lock, retention kept by the ledger.
 *
 * @param mode        GOVERNANCE, COMPLIANCE, or LEDGER (ledger-managed)
 * @param disposition what the ledger does when a ledger-managed retention ends (DELETE or TAG_EXPIRED); empty otherwise
 */
public record RetentionApplied(ObjectIdentity object, ObjectFacts facts, String rule, String policyVersion,
                               String mode, Instant retainUntil, boolean legalHold, String disposition,
                               ChangeContext change, StateAfter stateAfter) implements LifecycleEvent {

    public RetentionApplied {
        stateAfter = StateAfter.orUnknown(stateAfter);
    }
}
