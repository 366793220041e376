package io.objectledger.lifecycle.command;

import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.ObjectIdentity;

/**
 * The outcome of something the ledger itself did to an object through S3. Internal to
 * lifecycle-service: the public record of it is the lifecycle event the aggregate applies.
 */
public sealed interface LedgerActionCommand
        permits RecordTagsApplied, RecordTaggingFailed, RecordRetentionApplied, RecordRetentionFailed,
        RecordDispositionApplied, RecordObjectDescribed, RecordDescriptionFailed {

    ObjectIdentity object();

    ChangeContext change();
}
