package io.objectledger.events.lifecycle;

import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;

import java.util.Map;

/**
 * The ledger set tags on the object through S3 (RGW sends no notification for tagging, so this
 * event is the only record of it).
 *
 * @param facts   the object's facts with the tag set it has now
 * @param applied the tags the rule set
 */
public record TagsApplied(ObjectIdentity object, ObjectFacts facts, Map<String, String> applied, String rule,
                          String policyVersion, ChangeContext change, StateAfter stateAfter) implements LifecycleEvent {

    public TagsApplied {
        stateAfter = StateAfter.orUnknown(stateAfter);
        applied = Map.copyOf(applied);
    }
}
