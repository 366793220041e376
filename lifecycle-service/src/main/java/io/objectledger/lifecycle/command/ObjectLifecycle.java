package io.objectledger.lifecycle.command;

import io.objectledger.events.command.RecordObjectCreated;
import io.objectledger.events.command.RecordObjectRemoved;
import io.objectledger.events.lifecycle.ObjectCreated;
import io.objectledger.events.lifecycle.ObjectRemoved;
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
 * is recorded once, whatever order and however often it is delivered; which change is current
 * is decided by the gateway's event time, so history keeps late arrivals without letting them
 * overwrite newer state.
 */
public class ObjectLifecycle {

    @AggregateIdentifier
    private String objectId;

    private final Set<String> recordedChanges = new HashSet<>();

    protected ObjectLifecycle() {
        // Axon rebuilds the aggregate from its events.
    }

    // Any change may be the first to arrive: deliveries are unordered, so none is a constructor.
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordObjectCreated command) {
        if (alreadyRecorded(command.change().changeId())) {
            return;
        }
        apply(new ObjectCreated(command.object(), command.facts(), command.change()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordObjectRemoved command) {
        if (alreadyRecorded(command.change().changeId())) {
            return;
        }
        apply(new ObjectRemoved(command.object(), command.facts(), command.deleteMarker(), command.change()));
    }

    private boolean alreadyRecorded(String changeId) {
        return recordedChanges.contains(changeId);
    }

    @EventSourcingHandler
    void on(ObjectCreated event) {
        objectId = event.object().aggregateId();
        recordedChanges.add(event.change().changeId());
    }

    @EventSourcingHandler
    void on(ObjectRemoved event) {
        objectId = event.object().aggregateId();
        recordedChanges.add(event.change().changeId());
    }
}
