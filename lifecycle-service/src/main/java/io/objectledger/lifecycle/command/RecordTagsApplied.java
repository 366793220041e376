package io.objectledger.lifecycle.command;

import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;

import java.util.Map;

public record RecordTagsApplied(ObjectIdentity object, ObjectFacts facts, Map<String, String> applied, String rule,
                                String policyVersion, ChangeContext change) implements LedgerActionCommand {
}
