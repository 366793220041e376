package io.objectledger.lifecycle.eventstore;

import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.objectledger.lifecycle.eventstore.InMemoryEventStore.created;
import static org.assertj.core.api.Assertions.assertThat;

/** The shortcut for objects without a history, on the real JDBC event store (embedded database). */
class FirstSightStorageEngineTest {

    private final JdbcEventStorageEngine store;
    private final FirstSightStorageEngine engine;

    FirstSightStorageEngineTest() {
        JdbcTransactionManager transactions = InMemoryEventStore.newDatabase();
        store = InMemoryEventStore.storageEngine(transactions);
        engine = new FirstSightStorageEngine(store, transactions);
    }

    @Test
    void objectsWithAHistoryAreReadFromTheStoreAndNewOnesAreNotLookedFor() {
        store.appendEvents(created("known", 0), created("known", 1), created("known", 2));
        engine.lookUp(List.of("known", "new"));

        // Written behind the engine's back after the look-up: the look-up's answer stands for this thread.
        store.appendEvents(created("new", 0));

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

        engine.appendEvents(List.of(created("new", 0)));

        assertThat(engine.readEvents("new", 0).asStream()).hasSize(1);
    }

    @Test
    void forgettingTheLookUpReadsEverythingFromTheStoreAgain() {
        engine.lookUp(List.of("new"));
        store.appendEvents(created("new", 0));

        engine.forget();

        assertThat(engine.readEvents("new", 0).asStream()).hasSize(1);
    }
}
