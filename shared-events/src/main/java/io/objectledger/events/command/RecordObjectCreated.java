package io.objectledger.events.command;

import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;

/** The gateway stored an object version: put, post, copy or completed multipart upload. */
public record RecordObjectCreated(ObjectIdentity object, ObjectFacts facts, ChangeContext change)
        implements ObjectCommand {
}
