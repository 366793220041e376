package io.objectledger.events.lifecycle;

import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;

import java.time.Instant;

/**
 * A ledger-managed retention reached its end (a durable deadline, kept across restarts); the
 * rule's disposition is applied next and recorded as {@link DispositionApplied}.
 */
public record RetentionEnded(ObjectIdentity object, ObjectFacts facts, String rule, String disposition,
                             Instant retainUntil, ChangeContext change, StateAfter stateAfter)
        implements LifecycleEvent {

    public RetentionEnded {
        stateAfter = StateAfter.orUnknown(stateAfter);
    }
}
