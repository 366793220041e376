package io.objectledger.bench.measure;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Where the stream has got to in every stage: notifications on the broker, commands, events in
 * the store and on the lifecycle topic, audit rows, catalog rows and the catalog's committed
 * offset on the lifecycle topic. Complete when the catalog and the audit hold every change.
 */
public record LedgerProgress(long elapsedMillis, long notifications, long commands, long storedEvents,
                             long publishedEvents, long auditEntries, long catalogObjects, long catalogCommitted) {

    public static final String NOTIFICATIONS = "rgw-notifications";
    public static final String COMMANDS = "object-commands";
    public static final String EVENTS = "object-lifecycle-events";
    private static final String CATALOG_GROUP = "object-ledger-catalog";

    /** What a complete run holds, counted from the start of the stack. */
    public record Target(long events, long objects) {
    }

    public static LedgerProgress read(LedgerDatabase database, TopicOffsets topics, long startNanos) {
        return new LedgerProgress((System.nanoTime() - startNanos) / 1_000_000, topics.records(NOTIFICATIONS),
                topics.records(COMMANDS), safely(database::storedEvents), topics.records(EVENTS),
                safely(database::auditEntries), safely(database::catalogObjects),
                topics.committed(CATALOG_GROUP, EVENTS));
    }

    public boolean reached(Target target) {
        return storedEvents >= target.events() && auditEntries >= target.events()
                && catalogObjects >= target.objects() && publishedEvents >= target.events()
                && catalogCommitted >= publishedEvents;
    }

    /** Polls every second until the target is reached or the timeout passes; answers the last reading. */
    public static LedgerProgress awaitTarget(LedgerDatabase database, TopicOffsets topics, long startNanos,
                                             Target target, Duration timeout, Consumer<LedgerProgress> onReading)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        LedgerProgress progress = read(database, topics, startNanos);
        while (!progress.reached(target) && System.nanoTime() < deadline) {
            onReading.accept(progress);
            Thread.sleep(1_000);
            progress = read(database, topics, startNanos);
        }
        onReading.accept(progress);
        return progress;
    }

    private static long safely(java.util.function.LongSupplier count) {
        try {
            return count.getAsLong();
        } catch (IllegalStateException databaseBusy) {
            return -1;
        }
    }

    @Override
    public String toString() {
        return String.format("%6.1fs notifications %d, commands %d, stored %d, published %d, audit %d, catalog %d"
                        + " (catalog offset %d)", elapsedMillis / 1000.0, notifications, commands, storedEvents,
                publishedEvents, auditEntries, catalogObjects, catalogCommitted);
    }
}
