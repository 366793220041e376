package io.objectledger.lifecycle.config;

import io.objectledger.events.lifecycle.ObjectCreated;
import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;
import io.objectledger.support.db.SchemaMigration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The shortcut for objects without a history, on the real JDBC event store (embedded database). */
class FirstSightStorageEngineTest {

    private static final Instant TIME = Instant.parse("2026-11-27T07:30:00Z");

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final JdbcEventStorageEngine store;
    private final FirstSightStorageEngine engine;

    FirstSightStorageEngineTest() {
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        SchemaMigration.migrate(dataSource, AxonRuntime.class);
        JdbcTransactionManager transactions = new JdbcTransactionManager(dataSource);
        store = JdbcEventStorageEngine.builder().connectionProvider(transactions).transactionManager(transactions)
                .eventSerializer(Serializers.events()).snapshotSerializer(Serializers.snapshots()).build();
        engine = new FirstSightStorageEngine(store, transactions);
    }

    @Test
    void objectsWithAHistoryAreReadFromTheStoreAndNewOnesAreNotLookedFor() {
        store.appendEvents(event("known", 0), event("known", 1), event("known", 2));
        engine.lookUp(List.of("known", "new"));

        // Written behind the engine's back after the look-up: the look-up's answer stands for this thread.
        store.appendEvents(event("new", 0));

        assertThat(engine.readEvents("known", 0).asStream()).hasSize(3);
        assertThat(engine.lastSequenceNumberFor("known")).contains(2L);
        assertThat(engine.readEvents("new", 0).asStream()).isEmpty();
        assertThat(engine.readSnapshot("new")).isEmpty();
        assertThat(CompletableFuture.supplyAsync(() -> engine.readEvents("new", 0).asStream().count()).join())
                .as("another thread reads the store").isEqualTo(1);
    }

    @Test
    void objectIsNoLongerNewOnceItsEventsAreAppended() {
        engine.lookUp(List.of("new"));

        engine.appendEvents(List.of(event("new", 0)));

        assertThat(engine.readEvents("new", 0).asStream()).hasSize(1);
    }

    @Test
    void forgettingTheLookUpReadsEverythingFromTheStoreAgain() {
        engine.lookUp(List.of("new"));
        store.appendEvents(event("new", 0));

        engine.forget();

        assertThat(engine.readEvents("new", 0).asStream()).hasSize(1);
    }

    private static DomainEventMessage<?> event(String aggregateId, long sequence) {
        ObjectCreated created = new ObjectCreated(new ObjectIdentity("photos", aggregateId),
                new ObjectFacts(1, "etag", "", Map.of(), Map.of()),
                new ChangeContext("change-" + aggregateId + sequence, "ObjectCreated:Put", TIME, TIME, "", "u", "r",
                        "g", "c", ""), null);
        return new GenericDomainEventMessage<>("ObjectLifecycle", aggregateId, sequence, created);
    }
}
