package io.objectledger.bench.generate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a clean run leaves: one lifecycle event per distinct change (in the event store, on the
 * lifecycle topic and in the audit trail), and per object the catalog state the gateway would
 * show after its whole history: the version on top of the object's version stack, or none.
 */
public record ExpectedLedger(Map<String, ExpectedObject> objects, long events) {

    /**
     * One object's expected content: its number of recorded changes, its last change, and the
     * change that created its current version (empty when a delete marker or nothing is on top).
     */
    public record ExpectedObject(String bucket, String key, int changes, ObjectChange last,
                                 Optional<ObjectChange> current) {

        public String state() {
            return current.isPresent() ? "PRESENT" : "REMOVED";
        }
    }

    static ExpectedLedger of(List<List<ObjectChange>> histories) {
        Map<String, ExpectedObject> objects = new HashMap<>();
        long events = 0;
        for (List<ObjectChange> history : histories) {
            ObjectChange last = history.get(history.size() - 1);
            objects.put(last.objectId(), new ExpectedObject(last.bucket(), last.key(), history.size(), last,
                    currentVersion(history)));
            events += history.size();
        }
        return new ExpectedLedger(Map.copyOf(objects), events);
    }

    /**
     * S3 versioning applied in gateway order. Unversioned: a create replaces the object, any
     * removal removes it. Versioned: a create and a delete marker (or a current-version
     * expiration, which RGW turns into one) go on top of the stack; a delete by version id takes
     * that version out, so the one below it becomes current again.
     */
    static Optional<ObjectChange> currentVersion(List<ObjectChange> history) {
        boolean versioned = !history.get(0).versionId().isEmpty();
        List<ObjectChange> stack = new ArrayList<>();
        for (ObjectChange change : history) {
            switch (change.kind()) {
                case PUT, COPY, MULTIPART -> {
                    if (!versioned) {
                        stack.clear();
                    }
                    stack.add(change);
                }
                case DELETE -> {
                    if (versioned) {
                        stack.removeIf(entry -> entry.kind().leavesObjectPresent()
                                && entry.versionId().equals(change.versionId()));
                    } else {
                        stack.clear();
                    }
                }
                case DELETE_MARKER, EXPIRE_CURRENT -> {
                    if (versioned) {
                        stack.add(change);
                    } else {
                        stack.clear();
                    }
                }
            }
        }
        if (stack.isEmpty()) {
            return Optional.empty();
        }
        ObjectChange top = stack.get(stack.size() - 1);
        return top.kind().leavesObjectPresent() ? Optional.of(top) : Optional.empty();
    }
}
