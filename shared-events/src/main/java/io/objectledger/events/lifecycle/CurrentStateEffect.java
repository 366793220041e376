package io.objectledger.events.lifecycle;

import io.objectledger.events.object.LifecycleScope;

/**
 * What an event alone suggests for the object's current state, without knowing its other
 * versions. Only a reading of events written before {@link StateAfter} existed; newer events
 * carry the state the aggregate resolved over all versions, which is what to use.
 */
public enum CurrentStateEffect {
    PRESENT,
    ABSENT,
    NONE;

    public static CurrentStateEffect of(LifecycleEvent event) {
        if (event instanceof ObjectCreated) {
            return PRESENT;
        }
        if (event instanceof ObjectRemoved) {
            return ABSENT;
        }
        if (event instanceof ObjectExpired expired) {
            return expired.scope() == LifecycleScope.CURRENT ? ABSENT : NONE;
        }
        if (event instanceof ObjectTransitioned transitioned) {
            return transitioned.scope() == LifecycleScope.CURRENT ? PRESENT : NONE;
        }
        // The ledger's own actions and alerts record what happened to an object, not whether it exists.
        return NONE;
    }
}
