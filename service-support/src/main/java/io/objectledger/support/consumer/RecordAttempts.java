package io.objectledger.support.consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How often each record has failed on its own, by topic, partition and offset, so that a handler
 * can set aside a record that fails every time instead of failing its batch forever. Kept in
 * memory by the one thread of a consumer loop: a restart gives a record its attempts again,
 * which still bounds them. Only failing records are kept, and at most {@value #MAX_TRACKED}.
 */
public final class RecordAttempts {

    static final int MAX_TRACKED = 10_000;

    private final int maxAttempts;
    private final Map<String, Integer> failures = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > MAX_TRACKED;
        }
    };

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

    /** Whether the record has failed as often as it may. */
    public boolean exhausted(ConsumerRecord<?, ?> record) {
        return failures.getOrDefault(position(record), 0) >= maxAttempts;
    }

    /** The record was processed or set aside: its count is no longer needed. */
    public void forget(ConsumerRecord<?, ?> record) {
        failures.remove(position(record));
    }

    private static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
