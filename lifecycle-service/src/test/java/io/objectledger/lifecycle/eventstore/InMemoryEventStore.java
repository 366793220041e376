package io.objectledger.lifecycle.eventstore;

import io.objectledger.events.lifecycle.ObjectCreated;
import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;
import io.objectledger.lifecycle.config.AxonRuntime;
import io.objectledger.lifecycle.config.Serializers;
import io.objectledger.support.db.SchemaMigration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.h2.jdbcx.JdbcDataSource;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A fresh in-memory H2 database with lifecycle's schema, the JDBC event store on it, and events to store. */
public final class InMemoryEventStore {

    private static final Instant TIME = Instant.parse("2026-11-27T07:30:00Z");

    private InMemoryEventStore() {
    }

    /** Transactions (and connections) on a new, migrated database of its own. */
    public static JdbcTransactionManager newDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        SchemaMigration.migrate(dataSource, AxonRuntime.class);
        return new JdbcTransactionManager(dataSource);
    }

    static JdbcEventStorageEngine storageEngine(JdbcTransactionManager transactions) {
        return JdbcEventStorageEngine.builder().connectionProvider(transactions).transactionManager(transactions)
                .eventSerializer(Serializers.events()).snapshotSerializer(Serializers.snapshots()).build();
    }

    /** An object-created event of {@code aggregateId} at {@code sequence}, as lifecycle stores them. */
    static DomainEventMessage<?> created(String aggregateId, long sequence) {
        ObjectCreated created = new ObjectCreated(new ObjectIdentity("photos", aggregateId),
                new ObjectFacts(1, "etag", "", Map.of(), Map.of()),
                new ChangeContext("change-" + aggregateId + sequence, "ObjectCreated:Put", TIME, TIME, "", "u", "r",
                        "g", "c", ""), null);
        return new GenericDomainEventMessage<>("ObjectLifecycle", aggregateId, sequence, created);
    }
}
