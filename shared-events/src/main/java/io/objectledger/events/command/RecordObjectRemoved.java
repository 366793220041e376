package io.objectledger.events.command;

import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;

/**
 * The gateway removed an object or one of its versions, or hid it behind a delete marker.
 * {@code facts} are those of the removed object as RGW reports them.
 */
public record RecordObjectRemoved(ObjectIdentity object, ObjectFacts facts, boolean deleteMarker,
                                  ChangeContext change) implements ObjectCommand {
}
