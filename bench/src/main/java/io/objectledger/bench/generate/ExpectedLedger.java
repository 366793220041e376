package io.objectledger.bench.generate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a clean run leaves: one lifecycle event per distinct change (in the event store, on the
 * lifecycle topic and in the audit trail), and per object the catalog state of its change with
 * the greatest event time.
 */
public record ExpectedLedger(Map<String, ExpectedObject> objects, long events) {

    /** One object's expected content: its number of recorded changes and its last change. */
    public record ExpectedObject(String bucket, String key, int changes, ObjectChange last) {

        public String state() {
            return last.kind().leavesObjectPresent() ? "PRESENT" : "REMOVED";
        }
    }

    static ExpectedLedger of(List<List<ObjectChange>> histories) {
        Map<String, ExpectedObject> objects = new HashMap<>();
        long events = 0;
        for (List<ObjectChange> history : histories) {
            ObjectChange last = history.get(history.size() - 1);
            objects.put(last.objectId(), new ExpectedObject(last.bucket(), last.key(), history.size(), last));
            events += history.size();
        }
        return new ExpectedLedger(Map.copyOf(objects), events);
    }
}
