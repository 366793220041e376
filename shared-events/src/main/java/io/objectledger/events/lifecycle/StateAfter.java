package io.objectledger.events.lifecycle;

import io.objectledger.events.object.ObjectFacts;

import java.time.Instant;

/**
 * The object as a GET would see it once the event is part of its history, resolved by the
 * lifecycle aggregate over all versions it knows (versions, delete markers, removals of a
 * version or a marker), so subscribers need no version logic of their own.
 *
 * @param presence      {@code UNKNOWN} when the history holds no change to any version yet, and
 *                      in events written before this field existed
 * @param versionId     the current version's id; empty for the null version (unversioned or
 *                      suspended bucket) and for a delete marker whose id the gateway did not give
 * @param facts         the current version's facts with its tags now; null unless PRESENT
 * @param since         gateway event time of the change that made the current version (or the
 *                      delete marker on top); null when UNKNOWN or when no version is left
 * @param versionCount  how many object versions (not delete markers) survive, noncurrent included
 */
public record StateAfter(Presence presence, String versionId, ObjectFacts facts, Instant since, int versionCount) {

    public enum Presence { PRESENT, ABSENT, UNKNOWN }

    public static final StateAfter UNKNOWN = new StateAfter(Presence.UNKNOWN, "", null, null, 0);

    public StateAfter {
        presence = presence == null ? Presence.UNKNOWN : presence;
        versionId = versionId == null ? "" : versionId;
        if (presence != Presence.PRESENT) {
            facts = null;
        }
    }

    public static StateAfter orUnknown(StateAfter state) {
        return state == null ? UNKNOWN : state;
    }

    public boolean known() {
        return presence != Presence.UNKNOWN;
    }
}
