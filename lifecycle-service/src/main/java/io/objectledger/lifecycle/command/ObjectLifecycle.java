package io.objectledger.lifecycle.command;

import io.objectledger.events.command.RecordObjectCreated;
import io.objectledger.events.command.RecordObjectExpired;
import io.objectledger.events.command.RecordObjectRemoved;
import io.objectledger.events.command.RecordObjectTransitioned;
import io.objectledger.events.lifecycle.DescriptionFailed;
import io.objectledger.events.lifecycle.DispositionApplied;
import io.objectledger.events.lifecycle.LifecycleEvent;
import io.objectledger.events.lifecycle.ObjectCreated;
import io.objectledger.events.lifecycle.ObjectDescribed;
import io.objectledger.events.lifecycle.ObjectExpired;
import io.objectledger.events.lifecycle.ObjectRemoved;
import io.objectledger.events.lifecycle.ObjectTransitioned;
import io.objectledger.events.lifecycle.RetentionApplied;
import io.objectledger.events.lifecycle.RetentionEnded;
import io.objectledger.events.lifecycle.RetentionFailed;
import io.objectledger.events.lifecycle.RetentionViolated;
import io.objectledger.events.lifecycle.StateAfter;
import io.objectledger.events.lifecycle.TaggingFailed;
import io.objectledger.events.lifecycle.TagsApplied;
import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.LifecycleScope;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;
import io.objectledger.events.object.Sha256;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The lifecycle of one object (bucket + key), event-sourced. Every change the gateway reports
 * is recorded once, whatever order and however often it is delivered: the change id is the
 * de-duplication key, and the history of recorded ids lives in the event store, so it survives
 * restarts. Every event carries the state the object is in after it, resolved over all its
 * versions ({@link ObjectVersions}), so late arrivals are kept in the history without
 * overwriting newer state, and subscribers need no version logic.
 */
// The snapshot format: a snapshot of another revision is ignored and the aggregate rebuilt from its events, so
// the revision changes whenever the aggregate's fields do.
@Revision("2")
public class ObjectLifecycle {

    static final String LEDGER_MANAGED = "LEDGER";
    private static final ObjectFacts NO_FACTS = new ObjectFacts(0, "", "", Map.of(), Map.of());

    @AggregateIdentifier
    private String objectId;

    private ObjectIdentity object;

    private final Set<String> recordedChanges = new HashSet<>();

    private ObjectVersions versions = ObjectVersions.NONE;

    /** The latest retention any rule set, and whether a legal hold is on; null when none. */
    private Instant retainUntil;
    private boolean legalHold;
    private String retentionRule;

    protected ObjectLifecycle() {
        // Axon rebuilds the aggregate from its events.
    }

    // Any change may be the first to arrive: deliveries are unordered, so none is a constructor.
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ChangeOutcome handle(RecordObjectCreated command) {
        return record(after -> new ObjectCreated(command.object(), command.facts(), command.change(), after));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ChangeOutcome handle(RecordObjectRemoved command) {
        return recordRemoval(!command.deleteMarker(), command.object(), command.facts(), command.change(), after ->
                new ObjectRemoved(command.object(), command.facts(), command.deleteMarker(), command.change(), after));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ChangeOutcome handle(RecordObjectExpired command) {
        boolean removesData = command.scope() == LifecycleScope.CURRENT && !command.deleteMarkerCreated();
        return recordRemoval(removesData, command.object(), command.facts(), command.change(), after ->
                new ObjectExpired(command.object(), command.facts(), command.scope(), command.deleteMarkerCreated(),
                        command.change(), after));
    }

    /** Records a removal and, when it took data a retention or legal hold still protected, a RetentionViolated after it. */
    private ChangeOutcome recordRemoval(boolean removesData, ObjectIdentity removed, ObjectFacts facts,
                                        ChangeContext change, Function<StateAfter, LifecycleEvent> eventLeaving) {
        boolean violates = removesData && underRetentionAt(change.eventTime());
        ChangeOutcome outcome = record(eventLeaving);
        if (outcome == ChangeOutcome.RECORDED && violates) {
            apply(new RetentionViolated(removed, facts, retainUntil, legalHold, retentionRule, change,
                    versions.current()));
        }
        return outcome;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ChangeOutcome handle(RecordTagsApplied command) {
        return record(after -> new TagsApplied(command.object(), command.facts(), command.applied(),
                command.rule(), command.policyVersion(), command.change(), after));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ChangeOutcome handle(RecordTaggingFailed command) {
        return record(after -> new TaggingFailed(command.object(), command.facts(), command.rule(),
                command.policyVersion(), command.error(), command.attempt(), command.willRetry(), command.change(),
                after));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ChangeOutcome handle(RecordObjectDescribed command) {
        return record(after -> new ObjectDescribed(command.object(), command.facts(), command.lastModified(),
                command.change(), after));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ChangeOutcome handle(RecordDescriptionFailed command) {
        return record(after -> new DescriptionFailed(command.object(), command.facts(), command.error(),
                command.attempt(), command.willRetry(), command.change(), after));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ChangeOutcome handle(RecordRetentionApplied command, DeadlineManager deadlines) {
        ChangeOutcome outcome = record(after -> new RetentionApplied(command.object(),
                command.facts(), command.rule(), command.policyVersion(), command.mode(), command.retainUntil(),
                command.legalHold(), command.disposition(), command.change(), after));
        if (outcome == ChangeOutcome.RECORDED && LEDGER_MANAGED.equals(command.mode())) {
            // A durable deadline: stored with the scheduler's table, it fires after restarts too.
            deadlines.schedule(command.retainUntil(), RetentionEnds.DEADLINE,
                    new RetentionEnds(command.rule(), command.disposition(), command.retainUntil()));
        }
        return outcome;
    }

    @DeadlineHandler(deadlineName = RetentionEnds.DEADLINE)
    void on(RetentionEnds ends) {
        Instant now = Instant.now();
        ChangeContext change = new ChangeContext(ledgerChangeId("RetentionEnded", ends.rule(), ends.retainUntil()),
                "Ledger:RetentionEnded", now, now, "", "object-ledger", "", "", ends.rule(), "");
        if (!recordedChanges.contains(change.changeId())) {
            StateAfter state = versions.current();
            apply(new RetentionEnded(object, state.facts() == null ? NO_FACTS : state.facts(), ends.rule(),
                    ends.disposition(), ends.retainUntil(), change, state));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ChangeOutcome handle(RecordDispositionApplied command) {
        return record(after -> new DispositionApplied(command.object(), command.facts(),
                command.rule(), command.disposition(), command.change(), after));
    }

    private static String ledgerChangeId(String kind, String rule, Instant at) {
        return Sha256.hex(kind + "\u0000" + rule + "\u0000" + at);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ChangeOutcome handle(RecordRetentionFailed command) {
        return record(after -> new RetentionFailed(command.object(), command.facts(),
                command.rule(), command.policyVersion(), command.error(), command.attempt(), command.willRetry(),
                command.change(), after));
    }

    private boolean underRetentionAt(Instant time) {
        return legalHold || (retainUntil != null && time.isBefore(retainUntil));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ChangeOutcome handle(RecordObjectTransitioned command) {
        return record(after ->
                new ObjectTransitioned(command.object(), command.facts(), command.scope(), command.change(), after));
    }

    /** Applies the event built with the state it leaves, unless its change is already in the history. */
    private ChangeOutcome record(Function<StateAfter, LifecycleEvent> eventLeaving) {
        LifecycleEvent event = eventLeaving.apply(StateAfter.UNKNOWN);
        if (recordedChanges.contains(event.change().changeId())) {
            return ChangeOutcome.DUPLICATE;
        }
        apply(eventLeaving.apply(versions.after(event).current()));
        return ChangeOutcome.RECORDED;
    }

    @EventSourcingHandler
    void on(LifecycleEvent event) {
        objectId = event.object().aggregateId();
        object = event.object();
        recordedChanges.add(event.change().changeId());
        versions = versions.after(event);
        if (event instanceof RetentionEnded ended && ended.retainUntil().equals(retainUntil)) {
            retainUntil = null;
        }
        if (event instanceof RetentionApplied retention) {
            retainUntil = retainUntil == null || retention.retainUntil().isAfter(retainUntil)
                    ? retention.retainUntil() : retainUntil;
            legalHold |= retention.legalHold();
            retentionRule = retention.rule();
        }
    }

    StateAfter current() {
        return versions.current();
    }
}
