package io.objectledger.lifecycle.command;

import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;

public record RecordDispositionApplied(ObjectIdentity object, ObjectFacts facts, String rule, String disposition,
                                       ChangeContext change) implements LedgerActionCommand {
}
