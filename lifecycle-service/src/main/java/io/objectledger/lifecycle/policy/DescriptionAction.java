package io.objectledger.lifecycle.policy;

import io.objectledger.events.lifecycle.LifecycleEvent;
import io.objectledger.events.lifecycle.ObjectCreated;
import io.objectledger.lifecycle.command.RecordDescriptionFailed;
import io.objectledger.lifecycle.command.RecordObjectDescribed;
import io.objectledger.lifecycle.s3.ObjectStore;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.Optional;
import java.util.logging.Logger;

import static io.objectledger.lifecycle.policy.ActionContext.ledgerChange;

/**
 * Enrichment: HeadObject on the version an event names, recorded as ObjectDescribed or, per
 * failed attempt, DescriptionFailed. The description belongs to no rule, so it records no policy version.
 */
record DescriptionAction(ActionContext context) {

    private static final Logger LOG = Logger.getLogger(DescriptionAction.class.getName());

    Optional<ObjectStore.Description> record(String sourceId, LifecycleEvent event) {
        return context.retry().run(() -> {
            ObjectStore.Description head = context.store().describe(event.object(), event.facts().versionId(),
                    event.facts().tags());
            context.send(new RecordObjectDescribed(event.object(), head.facts(), head.lastModified(),
                    ledgerChange("Ledger:ObjectDescribed", sourceId, "", 0, head.requestId(), "")));
            return head;
        }, (attempt, error, willRetry) -> {
            LOG.warning(() -> "HeadObject failed on " + event.object().subject() + " (attempt " + attempt
                    + (willRetry ? ", will retry" : ", giving up") + "): " + error);
            context.send(new RecordDescriptionFailed(event.object(), event.facts(), error, attempt, willRetry,
                    ledgerChange("Ledger:DescriptionFailed", sourceId, "", attempt, "", "")));
        });
    }

    /** Only for the rules' content type, when enrichment is off: one try, nothing recorded. */
    Optional<ObjectStore.Description> lookUp(ObjectCreated created) {
        try {
            return Optional.of(context.store().describe(created.object(), created.facts().versionId(),
                    created.facts().tags()));
        } catch (SdkException e) {
            LOG.warning(() -> "HeadObject failed for " + created.object().subject() + ", content type unknown: "
                    + S3Retry.message(e));
            return Optional.empty();
        }
    }
}
