package io.objectledger.events.command;

import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.ObjectIdentity;

/** A command for one object's lifecycle, published keyed by {@link ObjectIdentity#aggregateId()}. */
public sealed interface ObjectCommand
        permits RecordObjectCreated, RecordObjectRemoved, RecordObjectExpired, RecordObjectTransitioned {

    ObjectIdentity object();

    ChangeContext change();
}
