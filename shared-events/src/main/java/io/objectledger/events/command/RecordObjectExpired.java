package io.objectledger.events.command;

import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.LifecycleScope;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;

/**
 * A bucket lifecycle rule expired (part of) an object: not a user's delete.
 *
 * @param deleteMarkerCreated the current version of a versioned object was hidden behind a new
 *                            delete marker rather than deleted
 */
public record RecordObjectExpired(ObjectIdentity object, ObjectFacts facts, LifecycleScope scope,
                                  boolean deleteMarkerCreated, ChangeContext change) implements ObjectCommand {
}
