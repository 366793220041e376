package io.objectledger.lifecycle.command;

import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;

import java.time.Instant;

public record RecordRetentionApplied(ObjectIdentity object, ObjectFacts facts, String rule, String policyVersion,
                                     String mode, Instant retainUntil, boolean legalHold, String disposition,
                                     ChangeContext change) implements LedgerActionCommand {
}
