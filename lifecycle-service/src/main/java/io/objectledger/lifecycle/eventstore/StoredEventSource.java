package io.objectledger.lifecycle.eventstore;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;

import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The publisher's source of stored events: the storage engine read in batches, from the
 * publisher's token on, woken as soon as a command batch commits and otherwise every
 * {@code fetchDelayMillis}.
 * <p>
 * Axon's {@code EmbeddedEventStore} would serve it from a cache its own thread fills, but it links
 * every event it reads into a list whose nodes point to the next. A node that reaches the old
 * generation keeps its successor alive after both are dead, so every event read is promoted and
 * the service stops for full collections under load. Read here, a batch of events dies young.
 * One reading thread, the processor's.
 */
public final class StoredEventSource extends StorageEngineTokens
        implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final EventStorageEngine storage;
    private final long fetchDelayMillis;
    private final Object commitSignal = new Object();
    private long commits;

    public StoredEventSource(EventStorageEngine storage, long fetchDelayMillis) {
        super(storage);
        this.storage = storage;
        this.fetchDelayMillis = fetchDelayMillis;
    }

    /** Tells the reading stream that new events are stored, so it need not wait for its next fetch. */
    public void eventsCommitted() {
        synchronized (commitSignal) {
            commits++;
            commitSignal.notifyAll();
        }
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new StoredEventStream(trackingToken);
    }

    private long commits() {
        synchronized (commitSignal) {
            return commits;
        }
    }

    /** Waits until a commit after the {@code seen}-th one, or the time is up. */
    private void awaitCommitAfter(long seen, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (commitSignal) {
            long left;
            while (commits == seen && (left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(commitSignal, left);
            }
        }
    }

    private final class StoredEventStream implements BlockingStream<TrackedEventMessage<?>> {

        private final Stream<? extends TrackedEventMessage<?>> stream;
        // Axon's tracking iterator never ends: at the end of the store, each hasNext() queries again.
        private final Iterator<? extends TrackedEventMessage<?>> events;
        private TrackedEventMessage<?> next;

        private StoredEventStream(TrackingToken from) {
            stream = storage.readEvents(from, false);
            events = stream.iterator();
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.ofNullable(readAhead() ? next : null);
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (true) {
                long seen = commits();
                if (readAhead()) {
                    return true;
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                awaitCommitAfter(seen, Math.min(left, fetchDelayMillis));
            }
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable((int) fetchDelayMillis, TimeUnit.MILLISECONDS)) {
                // keep waiting: the contract is to block until there is one
            }
            TrackedEventMessage<?> event = next;
            next = null;
            return event;
        }

        private boolean readAhead() {
            if (next == null && events.hasNext()) {
                next = events.next();
            }
            return next != null;
        }

        @Override
        public void close() {
            stream.close();
        }
    }
}
