package io.objectledger.events.lifecycle;

import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;

/**
 * Something that happened in an object's lifecycle; the public contract of the lifecycle-events
 * topic. Each type has a versioned CloudEvents type, see {@link LifecycleEventType}.
 */
public sealed interface LifecycleEvent permits ObjectCreated, ObjectRemoved, ObjectExpired, ObjectTransitioned,
        TagsApplied, TaggingFailed, RetentionApplied, RetentionFailed, RetentionViolated, RetentionEnded,
        DispositionApplied, ObjectDescribed, DescriptionFailed {

    ObjectIdentity object();

    /** The object's facts as the gateway reported them with this change. */
    ObjectFacts facts();

    ChangeContext change();

    /**
     * The object's state once this event is in its history: what a subscriber keeping a current
     * view should store (last writer wins by the event's position in the object's history).
     */
    StateAfter stateAfter();
}
