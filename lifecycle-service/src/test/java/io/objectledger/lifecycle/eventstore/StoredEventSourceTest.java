package io.objectledger.lifecycle.eventstore;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static io.objectledger.lifecycle.eventstore.InMemoryEventStore.created;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The publisher's reading of the real JDBC event store (embedded database). */
class StoredEventSourceTest {

    private static final long ONE_HOUR_MS = 3_600_000;

    private final JdbcEventStorageEngine store;

    StoredEventSourceTest() {
        store = InMemoryEventStore.storageEngine(InMemoryEventStore.newDatabase());
    }

    @Test
    void readsTheStoredEventsInOrderFromTheGivenTokenOn() throws Exception {
        store.appendEvents(created("a", 0), created("a", 1), created("b", 0));
        StoredEventSource source = new StoredEventSource(store, 10);

        List<TrackedEventMessage<?>> all = take(source.openStream(source.createTailToken()), 3);
        assertThat(all).extracting(event -> ((DomainEventMessage<?>) event).getAggregateIdentifier()
                + "#" + ((DomainEventMessage<?>) event).getSequenceNumber()).containsExactly("a#0", "a#1", "b#0");

        BlockingStream<TrackedEventMessage<?>> fromSecond = source.openStream(all.get(1).trackingToken());
        assertThat(((DomainEventMessage<?>) fromSecond.nextAvailable()).getAggregateIdentifier()).isEqualTo("b");
        assertThat(fromSecond.hasNextAvailable(0, TimeUnit.MILLISECONDS)).as("nothing after the last").isFalse();
    }

    @Test
    void peekingDoesNotConsume() throws Exception {
        store.appendEvents(created("a", 0), created("a", 1));
        BlockingStream<TrackedEventMessage<?>> stream = new StoredEventSource(store, 10).openStream(null);

        TrackedEventMessage<?> peeked = stream.peek().orElseThrow();

        assertThat(stream.peek()).containsSame(peeked);
        assertThat(stream.nextAvailable()).isSameAs(peeked);
        assertThat(((DomainEventMessage<?>) stream.nextAvailable()).getSequenceNumber()).isEqualTo(1);
        assertThat(stream.peek()).isEmpty();
    }

    @Test
    void aReaderAtTheEndIsWokenByACommitNotByItsNextFetch() {
        // A fetch delay of an hour: only the signal can wake the reader within the test's time.
        StoredEventSource source = new StoredEventSource(store, ONE_HOUR_MS);
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> available(stream));
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> !waiting.isDone());

        store.appendEvents(created("a", 0));
        source.eventsCommitted();

        await().atMost(Duration.ofSeconds(10)).until(waiting::isDone);
        assertThat(waiting.join()).isTrue();
    }

    @Test
    void withoutASignalTheNextFetchFindsNewEvents() throws Exception {
        StoredEventSource source = new StoredEventSource(store, 20);
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        assertThat(stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)).as("the first fetch, on an empty store").isFalse();
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> available(stream));
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> !waiting.isDone());

        store.appendEvents(created("a", 0));

        await().atMost(Duration.ofSeconds(10)).until(waiting::isDone);
        assertThat(waiting.join()).isTrue();
        assertThat(((DomainEventMessage<?>) stream.nextAvailable()).getAggregateIdentifier()).isEqualTo("a");
    }

    private static boolean available(BlockingStream<TrackedEventMessage<?>> stream) {
        try {
            return stream.hasNextAvailable((int) ONE_HOUR_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            throw new CompletionException(e);
        }
    }

    private static List<TrackedEventMessage<?>> take(BlockingStream<TrackedEventMessage<?>> stream, int count)
            throws InterruptedException {
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        while (events.size() < count) {
            events.add(stream.nextAvailable());
        }
        return events;
    }
}
