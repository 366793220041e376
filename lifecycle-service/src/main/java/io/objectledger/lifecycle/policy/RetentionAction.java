package io.objectledger.lifecycle.policy;

import io.objectledger.events.lifecycle.ObjectCreated;
import io.objectledger.lifecycle.command.RecordRetentionApplied;
import io.objectledger.lifecycle.command.RecordRetentionFailed;

import java.time.Instant;

/**
 * A retention rule on a new object: Object Lock retention (and legal hold) where the bucket has
 * Object Lock, otherwise a retention the ledger keeps itself, recorded as RetentionApplied.
 */
record RetentionAction(ActionContext context) {

    static final String LEDGER_MANAGED = "LEDGER";

    void apply(String sourceId, ObjectCreated created, RetentionRule rule) {
        Instant retainUntil = rule.retainUntil(created.change().eventTime());
        String versionId = created.facts().versionId();
        context.retry().run(() -> {
            String mode = rule.mode();
            String requestId = "";
            String disposition = "";
            if (context.store().objectLockEnabled(created.object().bucket())) {
                requestId = context.store().putRetention(created.object(), versionId, mode, retainUntil);
                if (rule.legalHold()) {
                    requestId = context.store().putLegalHold(created.object(), versionId);
                }
            } else {
                // No Object Lock on this bucket: the ledger keeps the retention and watches for removals.
                mode = LEDGER_MANAGED;
                disposition = rule.disposition();
            }
            context.send(new RecordRetentionApplied(created.object(), created.facts(), rule.name(),
                    context.policyVersion(), mode, retainUntil, rule.legalHold(), disposition,
                    context.change("Ledger:RetentionApplied", sourceId, rule.name(), 0, requestId)));
            return mode;
        }, (attempt, error, willRetry) -> context.send(new RecordRetentionFailed(created.object(), created.facts(),
                rule.name(), context.policyVersion(), error, attempt, willRetry,
                context.change("Ledger:RetentionFailed", sourceId, rule.name(), attempt, ""))));
    }
}
