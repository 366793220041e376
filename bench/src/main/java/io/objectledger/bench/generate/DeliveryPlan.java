package io.objectledger.bench.generate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Per object: which changes are delivered more than once, and in which order its deliveries go. */
final class DeliveryPlan {

    static final String CONFIGURATION = "notif-bench";
    static final String SECOND_CONFIGURATION = "notif-bench-replica";
    private static final String OPAQUE = "opaque-bench";

    private DeliveryPlan() {
    }

    static List<List<Delivery>> plan(List<List<ObjectChange>> histories, LoadMix mix, Random random) {
        List<ObjectChange> all = histories.stream().flatMap(List::stream).toList();
        int[] extraDeliveries = new int[all.size()];
        for (int i = 0; i < mix.duplicates(); i++) {
            extraDeliveries[random.nextInt(all.size())]++;
        }
        List<List<Delivery>> perObject = new ArrayList<>(histories.size());
        int changeIndex = 0;
        for (List<ObjectChange> history : histories) {
            List<Delivery> deliveries = new ArrayList<>();
            history.forEach(change -> deliveries.add(first(change)));
            for (ObjectChange change : history) {
                for (int copy = 0; copy < extraDeliveries[changeIndex]; copy++) {
                    // A re-send comes after the first delivery, anywhere later in the object's stream.
                    int original = indexOf(deliveries, change);
                    deliveries.add(original + 1 + random.nextInt(deliveries.size() - original), again(change, random));
                }
                changeIndex++;
            }
            if (random.nextDouble() < mix.reorderShare()) {
                Collections.shuffle(deliveries, random);
            }
            perObject.add(deliveries);
        }
        return perObject;
    }

    private static int indexOf(List<Delivery> deliveries, ObjectChange change) {
        for (int i = 0; i < deliveries.size(); i++) {
            if (deliveries.get(i).change() == change) {
                return i;
            }
        }
        throw new IllegalStateException("a change is planned before its re-deliveries");
    }

    private static Delivery first(ObjectChange change) {
        return new Delivery(change, false, CONFIGURATION, GatewayIds.sequencer(change.eventTime()),
                GatewayIds.eventId(change.eventTime(), change.eTag()), OPAQUE);
    }

    /** Half identical re-sends, half the same change through a second notification configuration. */
    private static Delivery again(ObjectChange change, Random random) {
        if (random.nextBoolean()) {
            return new Delivery(change, true, CONFIGURATION, GatewayIds.sequencer(change.eventTime()),
                    GatewayIds.eventId(change.eventTime(), change.eTag()), OPAQUE);
        }
        Instant seen = change.eventTime().plusNanos(1_000L * (1 + random.nextInt(5_000)));
        return new Delivery(change, true, SECOND_CONFIGURATION, GatewayIds.sequencer(seen),
                GatewayIds.eventId(seen, change.eTag()), OPAQUE + "-replica");
    }
}
