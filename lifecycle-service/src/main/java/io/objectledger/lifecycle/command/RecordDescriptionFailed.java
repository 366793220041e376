package io.objectledger.lifecycle.command;

import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;

public record RecordDescriptionFailed(ObjectIdentity object, ObjectFacts facts, String error, int attempt,
                                      boolean willRetry, ChangeContext change) implements LedgerActionCommand {
}
