package io.objectledger.events.lifecycle;

import io.objectledger.events.object.LifecycleScope;

/**
 * What an event does to the object's current state (the latest version, as a GET would see it).
 * Events about noncurrent versions or expired delete markers leave it alone.
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
