package io.objectledger.lifecycle.command;

import io.objectledger.events.lifecycle.CurrentStateEffect;
import io.objectledger.events.lifecycle.LifecycleEvent;
import io.objectledger.events.object.ObjectFacts;

import java.time.Instant;
import java.util.Comparator;

/**
 * The object as it stands now: decided by the change with the latest gateway event time (change
 * id breaks ties), whatever order changes arrive in. Taking the maximum is what makes replaying
 * any permutation of a history end in the same state, and a late create unable to undo a delete.
 *
 * @param exists whether the latest change left the object present
 */
public record CurrentState(boolean exists, Instant changedAt, String changeId, ObjectFacts facts) {

    static final CurrentState UNKNOWN = new CurrentState(false, Instant.MIN, "", null);

    private static final Comparator<CurrentState> RECENCY =
            Comparator.comparing(CurrentState::changedAt).thenComparing(CurrentState::changeId);

    CurrentState after(LifecycleEvent event) {
        CurrentStateEffect effect = CurrentStateEffect.of(event);
        if (effect == CurrentStateEffect.NONE) {
            return this;
        }
        CurrentState candidate = new CurrentState(effect == CurrentStateEffect.PRESENT,
                event.change().eventTime(), event.change().changeId(), event.facts());
        return RECENCY.compare(candidate, this) > 0 ? candidate : this;
    }
}
