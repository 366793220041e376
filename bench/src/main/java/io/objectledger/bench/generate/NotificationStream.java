package io.objectledger.bench.generate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The deliveries of a {@link LoadMix} in send order, and the changes behind them. Objects are
 * interleaved through a window of active objects, as a busy gateway's writes are; re-deliveries
 * follow their change within the object's own sequence; a share of objects has that sequence
 * shuffled. Deterministic for a seed.
 */
public final class NotificationStream {

    private static final int ACTIVE_OBJECTS = 512;
    private static final String[] BUCKETS = {"bench-photos", "bench-logs"};
    static final String VERSIONED_BUCKET = "bench-versioned";

    private final List<Delivery> deliveries;
    private final List<List<ObjectChange>> histories;

    private NotificationStream(List<Delivery> deliveries, List<List<ObjectChange>> histories) {
        this.deliveries = deliveries;
        this.histories = histories;
    }

    public static NotificationStream generate(LoadMix mix) {
        Random random = new Random(mix.seed());
        ObjectHistory history = new ObjectHistory(random);
        int[] lengths = historyLengths(mix, random);
        List<List<ObjectChange>> histories = new ArrayList<>(mix.objects());
        for (int i = 0; i < mix.objects(); i++) {
            boolean versioned = random.nextInt(10) < 3;
            String bucket = versioned ? VERSIONED_BUCKET : BUCKETS[random.nextInt(BUCKETS.length)];
            Instant firstAt = mix.start().plus(i, ChronoUnit.MILLIS);
            histories.add(history.changes(bucket, ObjectKeys.key(mix.keyPrefix(), i, random), versioned, firstAt,
                    lengths[i]));
        }
        List<List<Delivery>> perObject = DeliveryPlan.plan(histories, mix, random);
        return new NotificationStream(interleave(perObject, random), histories);
    }

    /** One change per object, the rest spread at random: some objects see many changes, most few. */
    private static int[] historyLengths(LoadMix mix, Random random) {
        int[] lengths = new int[mix.objects()];
        java.util.Arrays.fill(lengths, 1);
        for (int extra = mix.distinctChanges() - mix.objects(); extra > 0; extra--) {
            lengths[random.nextInt(lengths.length)]++;
        }
        return lengths;
    }

    private static List<Delivery> interleave(List<List<Delivery>> perObject, Random random) {
        List<Delivery> order = new ArrayList<>();
        List<Integer> active = new ArrayList<>();
        int[] sent = new int[perObject.size()];
        int nextObject = 0;
        while (nextObject < perObject.size() || !active.isEmpty()) {
            while (active.size() < ACTIVE_OBJECTS && nextObject < perObject.size()) {
                active.add(nextObject++);
            }
            int slot = random.nextInt(active.size());
            int object = active.get(slot);
            order.add(perObject.get(object).get(sent[object]++));
            if (sent[object] == perObject.get(object).size()) {
                Collections.swap(active, slot, active.size() - 1);
                active.remove(active.size() - 1);
            }
        }
        return order;
    }

    /** Every notification, in the order it is to be sent. */
    public List<Delivery> deliveries() {
        return deliveries;
    }

    /** Each object's changes in gateway order (event time). */
    public List<List<ObjectChange>> histories() {
        return histories;
    }

    public ExpectedLedger expected() {
        return ExpectedLedger.of(histories);
    }
}
