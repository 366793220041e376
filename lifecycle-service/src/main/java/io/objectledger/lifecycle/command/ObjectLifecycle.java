package io.objectledger.lifecycle.command;

import io.objectledger.events.command.RecordObjectCreated;
import io.objectledger.events.command.RecordObjectExpired;
import io.objectledger.events.command.RecordObjectRemoved;
import io.objectledger.events.command.RecordObjectTransitioned;
import io.objectledger.events.lifecycle.LifecycleEvent;
import io.objectledger.events.lifecycle.ObjectCreated;
import io.objectledger.events.lifecycle.ObjectExpired;
import io.objectledger.events.lifecycle.ObjectRemoved;
import io.objectledger.events.lifecycle.ObjectTransitioned;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The lifecycle of one object (bucket + key), event-sourced. Every change the gateway reports
 * is recorded once, whatever order and however often it is delivered: the change id is the
 * de-duplication key, and the history of recorded ids lives in the event store, so it survives
 * restarts. Which change is current is decided by the gateway's event time downstream, so the
 * history keeps late arrivals without letting them overwrite newer state.
 */
public class ObjectLifecycle {

    @AggregateIdentifier
    private String objectId;

    private final Set<String> recordedChanges = new HashSet<>();

    private CurrentState current = CurrentState.UNKNOWN;

    protected ObjectLifecycle() {
        // Axon rebuilds the aggregate from its events.
    }

    // Any change may be the first to arrive: deliveries are unordered, so none is a constructor.
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ChangeOutcome handle(RecordObjectCreated command) {
        return record(command.change().changeId(), new ObjectCreated(command.object(), command.facts(), command.change()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ChangeOutcome handle(RecordObjectRemoved command) {
        return record(command.change().changeId(),
                new ObjectRemoved(command.object(), command.facts(), command.deleteMarker(), command.change()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ChangeOutcome handle(RecordObjectExpired command) {
        return record(command.change().changeId(), new ObjectExpired(command.object(), command.facts(),
                command.scope(), command.deleteMarkerCreated(), command.change()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ChangeOutcome handle(RecordObjectTransitioned command) {
        return record(command.change().changeId(),
                new ObjectTransitioned(command.object(), command.facts(), command.scope(), command.change()));
    }

    private ChangeOutcome record(String changeId, LifecycleEvent event) {
        if (recordedChanges.contains(changeId)) {
            return ChangeOutcome.DUPLICATE;
        }
        apply(event);
        return ChangeOutcome.RECORDED;
    }

    @EventSourcingHandler
    void on(LifecycleEvent event) {
        objectId = event.object().aggregateId();
        recordedChanges.add(event.change().changeId());
        current = current.after(event);
    }

    CurrentState current() {
        return current;
    }

    int recordedChangeCount() {
        return recordedChanges.size();
    }
}
