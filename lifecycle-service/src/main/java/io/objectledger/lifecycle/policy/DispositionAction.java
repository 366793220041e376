package io.objectledger.lifecycle.policy;

import io.objectledger.events.lifecycle.RetentionEnded;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.lifecycle.command.RecordDispositionApplied;
import io.objectledger.lifecycle.command.RecordRetentionFailed;

import java.util.Map;

/**
 * An ended ledger-kept retention's disposition, whatever the policy says now, as it was decided
 * when the retention began: DELETE removes the object, anything else tags it expired.
 */
record DispositionAction(ActionContext context) {

    static final Map<String, String> EXPIRED_TAG = Map.of("ledger-retention", "expired");

    void apply(String sourceId, RetentionEnded ended) {
        context.retry().run(() -> {
            String requestId;
            ObjectFacts facts = ended.facts();
            if ("DELETE".equals(ended.disposition())) {
                requestId = context.store().delete(ended.object(), "");
            } else {
                Map<String, String> tags = TagSet.merge(context.store().tags(ended.object(), ""), EXPIRED_TAG,
                        ended.rule());
                requestId = context.store().putTags(ended.object(), "", tags);
                facts = facts.withTags(tags);
            }
            context.send(new RecordDispositionApplied(ended.object(), facts, ended.rule(), ended.disposition(),
                    context.change("Ledger:DispositionApplied", sourceId, ended.rule(), 0, requestId)));
            return requestId;
        }, (attempt, error, willRetry) -> context.send(new RecordRetentionFailed(ended.object(), ended.facts(),
                ended.rule(), context.policyVersion(), "disposition " + ended.disposition() + ": " + error, attempt,
                willRetry, context.change("Ledger:RetentionFailed", sourceId, ended.rule(), attempt, ""))));
    }
}
