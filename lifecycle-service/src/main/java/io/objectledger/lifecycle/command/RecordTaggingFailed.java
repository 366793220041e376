package io.objectledger.lifecycle.command;

import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;

public record RecordTaggingFailed(ObjectIdentity object, ObjectFacts facts, String rule, String policyVersion,
                                  String error, int attempt, boolean willRetry, ChangeContext change)
        implements LedgerActionCommand {
}
