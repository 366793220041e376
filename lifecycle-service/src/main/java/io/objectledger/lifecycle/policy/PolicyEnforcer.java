package io.objectledger.lifecycle.policy;

import io.objectledger.events.lifecycle.LifecycleEvent;
import io.objectledger.events.lifecycle.LifecycleEventType;
import io.objectledger.events.lifecycle.ObjectCreated;
import io.objectledger.events.lifecycle.RetentionEnded;
import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.lifecycle.command.LedgerActionCommand;
import io.objectledger.lifecycle.command.RecordDescriptionFailed;
import io.objectledger.lifecycle.command.RecordDispositionApplied;
import io.objectledger.lifecycle.command.RecordObjectDescribed;
import io.objectledger.lifecycle.command.RecordRetentionApplied;
import io.objectledger.lifecycle.command.RecordRetentionFailed;
import io.objectledger.lifecycle.command.RecordTaggingFailed;
import io.objectledger.lifecycle.command.RecordTagsApplied;
import io.objectledger.lifecycle.s3.ObjectStore;
import io.objectledger.support.events.ReceivedLifecycleEvent;
import io.objectledger.events.object.Sha256;
import org.axonframework.commandhandling.gateway.CommandGateway;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Applies the policy to each newly created object through S3, completes the facts a notification
 * lacks with HeadObject ({@link Enrichment}), and records every outcome, success or failure, as a
 * command to the object's aggregate: RGW notifies nothing for tagging or retention, so these
 * events are the only record. A failure that may pass (the gateway is away, the object not yet
 * visible after multisite sync) is recorded and retried with backoff.
 */
public class PolicyEnforcer {

    private static final Logger LOG = Logger.getLogger(PolicyEnforcer.class.getName());
    private static final String LEDGER = "object-ledger";
    static final Map<String, String> EXPIRED_TAG = Map.of("ledger-retention", "expired");

    private final Policy policy;
    private final ObjectStore store;
    private final CommandGateway commands;
    private final int maxAttempts;
    private final Duration firstBackoff;
    private final Enrichment enrichment;

    public PolicyEnforcer(Policy policy, Enrichment enrichment, ObjectStore store, CommandGateway commands,
                          int maxAttempts, Duration firstBackoff) {
        this.policy = policy;
        this.enrichment = enrichment;
        this.store = store;
        this.commands = commands;
        this.maxAttempts = maxAttempts;
        this.firstBackoff = firstBackoff;
    }

    /**
     * Whether an event of this CloudEvents type can need anything from this enforcer; asked
     * before the event is decoded, so that with no rules and no enrichment the stream of
     * lifecycle events costs no JSON parsing. A retention end always needs its disposition.
     */
    public boolean concerns(String cloudEventType) {
        return !policy.isEmpty() || enrichment.enabled()
                || LifecycleEventType.RETENTION_ENDED.cloudEventType().equals(cloudEventType);
    }

    public void enforce(ReceivedLifecycleEvent received) {
        String sourceId = received.id();
        LifecycleEvent event = received.event();
        if (event instanceof RetentionEnded ended) {
            applyDisposition(sourceId, ended);
            return;
        }
        boolean describe = enrichment.wanted(event);
        if (policy.isEmpty() || !(event instanceof ObjectCreated created)) {
            if (describe) {
                recordDescription(sourceId, event);
            }
            return;
        }
        if (policy.needsContentType()) {
            // One HeadObject serves both the rules' content type and the record of the facts.
            Optional<ObjectStore.Description> head = describe ? recordDescription(sourceId, created) : lookUp(created);
            applyRules(sourceId, created, head.map(found -> found.facts().contentType()).orElse(null));
            return;
        }
        applyRules(sourceId, created, null);
        // After the rules: a description retries a missing object for minutes, which the rules need not wait for.
        if (describe) {
            recordDescription(sourceId, created);
        }
    }

    private void applyRules(String sourceId, ObjectCreated created, String contentType) {
        for (TaggingRule rule : policy.taggingFor(created.object(), created.facts(), contentType)) {
            applyTagging(sourceId, created, rule);
        }
        for (RetentionRule rule : policy.retentionFor(created.object(), created.facts(), contentType)) {
            applyRetention(sourceId, created, rule);
        }
    }

    /** HeadObject on the version the event names, recorded as ObjectDescribed or, per failed attempt, DescriptionFailed. */
    private Optional<ObjectStore.Description> recordDescription(String sourceId, LifecycleEvent event) {
        for (int attempt = 1; ; attempt++) {
            try {
                ObjectStore.Description head = store.describe(event.object(), event.facts().versionId(),
                        event.facts().tags());
                send(new RecordObjectDescribed(event.object(), head.facts(), head.lastModified(),
                        ledgerChange("Ledger:ObjectDescribed", sourceId, "", 0, head.requestId(), "")));
                return Optional.of(head);
            } catch (SdkException e) {
                boolean retry = attempt < maxAttempts && retryable(e);
                String error = describe(e);
                int failed = attempt;
                LOG.warning(() -> "HeadObject failed on " + event.object().subject() + " (attempt " + failed
                        + (retry ? ", will retry" : ", giving up") + "): " + error);
                send(new RecordDescriptionFailed(event.object(), event.facts(), error, attempt, retry,
                        ledgerChange("Ledger:DescriptionFailed", sourceId, "", attempt, "", "")));
                if (!retry) {
                    return Optional.empty();
                }
                backOff(attempt);
            }
        }
    }

    private void applyTagging(String sourceId, ObjectCreated created, TaggingRule rule) {
        Map<String, String> applied;
        try {
            applied = rule.tagsFor(created.object(), created.facts());
        } catch (PolicyException e) {
            send(taggingFailed(sourceId, created, rule.name(), e.getMessage(), 1, false));
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                Map<String, String> merged = TagSet.merge(store.tags(created.object(), created.facts().versionId()),
                        applied, rule.name());
                String requestId = store.putTags(created.object(), created.facts().versionId(), merged);
                send(new RecordTagsApplied(created.object(), created.facts().withTags(merged), applied, rule.name(),
                        policy.version(), change("Ledger:TagsApplied", sourceId, rule.name(), 0, requestId)));
                return;
            } catch (PolicyException e) {
                send(taggingFailed(sourceId, created, rule.name(), e.getMessage(), attempt, false));
                return;
            } catch (SdkException e) {
                boolean retry = attempt < maxAttempts && retryable(e);
                send(taggingFailed(sourceId, created, rule.name(), describe(e), attempt, retry));
                if (!retry) {
                    return;
                }
                backOff(attempt);
            }
        }
    }

    private void applyRetention(String sourceId, ObjectCreated created, RetentionRule rule) {
        Instant retainUntil = rule.retainUntil(created.change().eventTime());
        for (int attempt = 1; ; attempt++) {
            try {
                String versionId = created.facts().versionId();
                String mode = rule.mode();
                String requestId = "";
                String disposition = "";
                if (store.objectLockEnabled(created.object().bucket())) {
                    requestId = store.putRetention(created.object(), versionId, mode, retainUntil);
                    if (rule.legalHold()) {
                        requestId = store.putLegalHold(created.object(), versionId);
                    }
                } else {
                    // No Object Lock on this bucket: the ledger keeps the retention and watches for removals.
                    mode = "LEDGER";
                    disposition = rule.disposition();
                }
                send(new RecordRetentionApplied(created.object(), created.facts(), rule.name(), policy.version(), mode,
                        retainUntil, rule.legalHold(), disposition,
                        change("Ledger:RetentionApplied", sourceId, rule.name(), 0, requestId)));
                return;
            } catch (SdkException e) {
                boolean retry = attempt < maxAttempts && retryable(e);
                send(new RecordRetentionFailed(created.object(), created.facts(), rule.name(), policy.version(),
                        describe(e), attempt, retry, change("Ledger:RetentionFailed", sourceId, rule.name(), attempt, "")));
                if (!retry) {
                    return;
                }
                backOff(attempt);
            }
        }
    }

    /** The ended retention's disposition, whatever the policy says now: it was decided when the retention began. */
    private void applyDisposition(String sourceId, RetentionEnded ended) {
        for (int attempt = 1; ; attempt++) {
            try {
                String requestId;
                ObjectFacts facts = ended.facts();
                if ("DELETE".equals(ended.disposition())) {
                    requestId = store.delete(ended.object(), "");
                } else {
                    Map<String, String> tags = TagSet.merge(store.tags(ended.object(), ""), EXPIRED_TAG, ended.rule());
                    requestId = store.putTags(ended.object(), "", tags);
                    facts = facts.withTags(tags);
                }
                send(new RecordDispositionApplied(ended.object(), facts, ended.rule(), ended.disposition(),
                        change("Ledger:DispositionApplied", sourceId, ended.rule(), 0, requestId)));
                return;
            } catch (PolicyException | SdkException e) {
                boolean retry = e instanceof SdkException sdk && attempt < maxAttempts && retryable(sdk);
                String error = e instanceof SdkException sdk ? describe(sdk) : e.getMessage();
                send(new RecordRetentionFailed(ended.object(), ended.facts(), ended.rule(), policy.version(),
                        "disposition " + ended.disposition() + ": " + error, attempt, retry,
                        change("Ledger:RetentionFailed", sourceId, ended.rule(), attempt, "")));
                if (!retry) {
                    return;
                }
                backOff(attempt);
            }
        }
    }

    /** Only for the rules' content type, when enrichment is off: one try, nothing recorded, as before. */
    private Optional<ObjectStore.Description> lookUp(ObjectCreated created) {
        try {
            return Optional.of(store.describe(created.object(), created.facts().versionId(), created.facts().tags()));
        } catch (SdkException e) {
            LOG.warning(() -> "HeadObject failed for " + created.object().subject() + ", content type unknown: " + describe(e));
            return Optional.empty();
        }
    }

    private RecordTaggingFailed taggingFailed(String sourceId, ObjectCreated created, String rule, String error,
                                              int attempt, boolean willRetry) {
        LOG.warning(() -> "Tagging rule " + rule + " failed on " + created.object().subject() + " (attempt " + attempt
                + (willRetry ? ", will retry" : ", giving up") + "): " + error);
        return new RecordTaggingFailed(created.object(), created.facts(), rule, policy.version(), error, attempt, willRetry,
                change("Ledger:TaggingFailed", sourceId, rule, attempt, ""));
    }

    /** Not found may be a replica not synced yet; throttling, server errors and network failures pass. */
    static boolean retryable(SdkException e) {
        if (e instanceof SdkClientException) {
            return true;
        }
        if (e instanceof S3Exception s3) {
            return s3.statusCode() >= 500 || s3.statusCode() == 429 || s3.statusCode() == 404;
        }
        return false;
    }

    private static String describe(SdkException e) {
        if (e instanceof S3Exception s3 && s3.awsErrorDetails() != null) {
            return s3.statusCode() + " " + s3.awsErrorDetails().errorCode() + ": " + s3.awsErrorDetails().errorMessage();
        }
        return e.getMessage();
    }

    private void backOff(int attempt) {
        long millis = Math.min(firstBackoff.toMillis() << Math.min(attempt - 1, 10), 30_000);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }

    private void send(LedgerActionCommand command) {
        commands.sendAndWait(command);
    }

    /**
     * The ledger's own change: its id is derived from what caused it, so re-running after a crash
     * records a success once; each failed attempt is its own change.
     */
    private ChangeContext change(String eventName, String sourceId, String rule, int attempt, String requestId) {
        return ledgerChange(eventName, sourceId, rule, attempt, requestId, policy.version());
    }

    private static ChangeContext ledgerChange(String eventName, String sourceId, String rule, int attempt,
                                              String requestId, String policyVersion) {
        Instant now = Instant.now();
        return new ChangeContext(Sha256.hex(eventName + "\u0000" + sourceId + "\u0000" + rule + "\u0000" + attempt),
                eventName, now, now, "", LEDGER, requestId == null ? "" : requestId, "", rule, policyVersion);
    }
}
