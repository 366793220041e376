package io.objectledger.lifecycle.command;

import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;

import java.time.Instant;

public record RecordObjectDescribed(ObjectIdentity object, ObjectFacts facts, Instant lastModified,
                                    ChangeContext change) implements LedgerActionCommand {
}
