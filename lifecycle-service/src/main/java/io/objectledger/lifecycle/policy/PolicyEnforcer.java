package io.objectledger.lifecycle.policy;

import io.objectledger.events.lifecycle.LifecycleEvent;
import io.objectledger.events.lifecycle.LifecycleEventType;
import io.objectledger.events.lifecycle.ObjectCreated;
import io.objectledger.events.lifecycle.RetentionEnded;
import io.objectledger.lifecycle.s3.ObjectStore;
import io.objectledger.support.events.ReceivedLifecycleEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.util.Optional;

/**
 * Decides which actions a lifecycle event needs: a retention end its disposition, a new object
 * the policy's tagging and retention rules, and a change that left facts out its description
 * ({@link Enrichment}). Each action records its outcomes, failures included, and retries what
 * may pass with the {@link S3Retry} policy.
 */
public class PolicyEnforcer {

    private final Policy policy;
    private final Enrichment enrichment;
    private final DescriptionAction description;
    private final TaggingAction tagging;
    private final RetentionAction retention;
    private final DispositionAction disposition;

    public PolicyEnforcer(Policy policy, Enrichment enrichment, ObjectStore store, CommandGateway commands,
                          S3Retry retry) {
        this.policy = policy;
        this.enrichment = enrichment;
        ActionContext context = new ActionContext(store, retry, commands, policy.version());
        this.description = new DescriptionAction(context);
        this.tagging = new TaggingAction(context);
        this.retention = new RetentionAction(context);
        this.disposition = new DispositionAction(context);
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
            disposition.apply(sourceId, ended);
            return;
        }
        boolean describe = enrichment.wanted(event);
        if (policy.isEmpty() || !(event instanceof ObjectCreated created)) {
            if (describe) {
                description.record(sourceId, event);
            }
            return;
        }
        if (policy.needsContentType()) {
            // One HeadObject serves both the rules' content type and the record of the facts.
            Optional<ObjectStore.Description> head = describe
                    ? description.record(sourceId, created) : description.lookUp(created);
            applyRules(sourceId, created, head.map(found -> found.facts().contentType()).orElse(null));
            return;
        }
        applyRules(sourceId, created, null);
        // After the rules: a description retries a missing object for minutes, which the rules need not wait for.
        if (describe) {
            description.record(sourceId, created);
        }
    }

    private void applyRules(String sourceId, ObjectCreated created, String contentType) {
        for (TaggingRule rule : policy.taggingFor(created.object(), created.facts(), contentType)) {
            tagging.apply(sourceId, created, rule);
        }
        for (RetentionRule rule : policy.retentionFor(created.object(), created.facts(), contentType)) {
            retention.apply(sourceId, created, rule);
        }
    }
}
