package io.objectledger.support.consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How often each record has failed on its own, and which records are set aside already, by
 * topic, partition and offset, so that a handler can set aside a record that fails every time
 * instead of failing its batch forever, and does so once however often the batch comes again.
 * Kept in memory by the one thread of a consumer loop: a restart gives a record its attempts
 * again, which still bounds them. Only records that failed or were set aside and are not yet
 * done are kept, and at most {@value #MAX_TRACKED} of each.
 */
public final class RecordAttempts {

    static final int MAX_TRACKED = 10_000;

    private final int maxAttempts;
    private final Map<String, Integer> failures = bounded();
    private final Set<String> setAside = Collections.newSetFromMap(bounded());

    public RecordAttempts(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("a record needs at least one attempt, was given " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** Notes one more failed attempt of the record; answers how many it has had. */
    public int failed(ConsumerRecord<?, ?> record) {
        return failures.merge(position(record), 1, Integer::sum);
    }

    /** The record is on a dead-letter topic: when its batch comes again, it is to be skipped. */
    public void setAside(ConsumerRecord<?, ?> record) {
        setAside.add(position(record));
    }

    public boolean wasSetAside(ConsumerRecord<?, ?> record) {
        return !setAside.isEmpty() && setAside.contains(position(record));
    }

    /** The record was processed or set aside, and its offset is done: nothing about it is needed. */
    public void forget(ConsumerRecord<?, ?> record) {
        String position = position(record);
        failures.remove(position);
        setAside.remove(position);
    }

    /** {@link #forget(ConsumerRecord)} for each; costs nothing while no record is kept. */
    public void forget(List<? extends ConsumerRecord<?, ?>> records) {
        if (failures.isEmpty() && setAside.isEmpty()) {
            return;
        }
        records.forEach(this::forget);
    }

    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MAX_TRACKED;
            }
        };
    }

    private static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
