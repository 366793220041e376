package io.objectledger.lifecycle.policy;

import io.objectledger.events.lifecycle.ObjectCreated;
import io.objectledger.lifecycle.command.RecordTaggingFailed;
import io.objectledger.lifecycle.command.RecordTagsApplied;

import java.util.Map;
import java.util.logging.Logger;

/** A tagging rule on a new object: its tags merged into the version's own and put back, recorded as TagsApplied. */
record TaggingAction(ActionContext context) {

    private static final Logger LOG = Logger.getLogger(TaggingAction.class.getName());

    void apply(String sourceId, ObjectCreated created, TaggingRule rule) {
        Map<String, String> applied;
        try {
            applied = rule.tagsFor(created.object(), created.facts());
        } catch (PolicyException e) {
            failed(sourceId, created, rule.name(), e.getMessage(), 1, false);
            return;
        }
        String versionId = created.facts().versionId();
        context.retry().run(() -> {
            Map<String, String> merged = TagSet.merge(context.store().tags(created.object(), versionId), applied,
                    rule.name());
            String requestId = context.store().putTags(created.object(), versionId, merged);
            context.send(new RecordTagsApplied(created.object(), created.facts().withTags(merged), applied, rule.name(),
                    context.policyVersion(), context.change("Ledger:TagsApplied", sourceId, rule.name(), 0, requestId)));
            return requestId;
        }, (attempt, error, willRetry) -> failed(sourceId, created, rule.name(), error, attempt, willRetry));
    }

    private void failed(String sourceId, ObjectCreated created, String rule, String error, int attempt,
                        boolean willRetry) {
        LOG.warning(() -> "Tagging rule " + rule + " failed on " + created.object().subject() + " (attempt " + attempt
                + (willRetry ? ", will retry" : ", giving up") + "): " + error);
        context.send(new RecordTaggingFailed(created.object(), created.facts(), rule, context.policyVersion(), error,
                attempt, willRetry, context.change("Ledger:TaggingFailed", sourceId, rule, attempt, "")));
    }
}
