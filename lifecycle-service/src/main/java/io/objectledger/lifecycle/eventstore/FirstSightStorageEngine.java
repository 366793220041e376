package io.objectledger.lifecycle.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The JDBC event store, told which objects of a command batch have no history yet: loading such
 * an aggregate would cost two queries (its snapshot, its events) that can only answer "nothing",
 * and in a stream of new objects that is most of the store's reads. One query per batch finds
 * them instead. Only the thread that asked is answered from it (the command consumer's; other
 * threads read the store), and an object stops being new once its events are appended.
 */
public final class FirstSightStorageEngine extends StorageEngineTokens implements EventStorageEngine {

    /**
     * Asks for each object's first event (sequence 0, which every history has): one lookup in the
     * (aggregate, sequence) unique index per object, whatever the planner knows about the table.
     * Asked for any event of the objects, PostgreSQL reads the whole table for the IN list while
     * the table has no statistics yet (a new store), and more of it at every batch as it grows.
     */
    private static final String WITH_HISTORY =
            "SELECT aggregateidentifier FROM domainevententry WHERE sequencenumber = 0 AND aggregateidentifier IN (%s)";

    private final EventStorageEngine store;
    private final ConnectionProvider connections;
    private final ThreadLocal<Set<String>> withoutHistory = ThreadLocal.withInitial(HashSet::new);

    public FirstSightStorageEngine(EventStorageEngine store, ConnectionProvider connections) {
        super(store);
        this.store = store;
        this.connections = connections;
    }

    /** Finds which of these aggregates have no stored events, for this thread's loads until {@link #forget()}. */
    public void lookUp(Collection<String> aggregateIds) {
        Set<String> absent = withoutHistory.get();
        absent.clear();
        if (aggregateIds.isEmpty()) {
            return;
        }
        absent.addAll(aggregateIds);
        String placeholders = String.join(", ", Collections.nCopies(aggregateIds.size(), "?"));
        try (Connection connection = connections.getConnection();
             PreparedStatement query = connection.prepareStatement(WITH_HISTORY.formatted(placeholders))) {
            int i = 1;
            for (String id : aggregateIds) {
                query.setString(i++, id);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    absent.remove(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            absent.clear();
            throw new IllegalStateException("Cannot look up which objects have a history: " + e.getMessage(), e);
        }
    }

    public void forget() {
        withoutHistory.remove();
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return withoutHistory.get().contains(aggregateIdentifier) ? Optional.empty() : store.readSnapshot(aggregateIdentifier);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return withoutHistory.get().contains(aggregateIdentifier)
                ? DomainEventStream.empty()
                : store.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        store.appendEvents(events);
        Set<String> absent = withoutHistory.get();
        if (!absent.isEmpty()) {
            for (EventMessage<?> event : events) {
                if (event instanceof DomainEventMessage<?> domainEvent) {
                    absent.remove(domainEvent.getAggregateIdentifier());
                }
            }
        }
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        store.storeSnapshot(snapshot);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return store.readEvents(trackingToken, mayBlock);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return withoutHistory.get().contains(aggregateIdentifier)
                ? Optional.empty()
                : store.lastSequenceNumberFor(aggregateIdentifier);
    }
}
