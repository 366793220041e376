package io.objectledger.lifecycle.command;

import io.objectledger.events.lifecycle.DispositionApplied;
import io.objectledger.events.lifecycle.LifecycleEvent;
import io.objectledger.events.lifecycle.ObjectCreated;
import io.objectledger.events.lifecycle.ObjectDescribed;
import io.objectledger.events.lifecycle.ObjectExpired;
import io.objectledger.events.lifecycle.ObjectRemoved;
import io.objectledger.events.lifecycle.ObjectTransitioned;
import io.objectledger.events.lifecycle.StateAfter;
import io.objectledger.events.lifecycle.TagsApplied;
import io.objectledger.events.object.LifecycleScope;
import io.objectledger.events.object.ObjectFacts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What the gateway said about each version of the object, merged so that the result depends
 * only on the set of changes, never on their arrival order: per version the earliest creation
 * and removal (the latest put or delete for the null version, which each put replaces), plus
 * the delete markers whose id RGW did not give. The current version is derived from that:
 * the newest surviving version or delete marker by gateway event time, change id breaking ties.
 *
 * @param versions  by version id; {@code ""} is the null version of unversioned and suspended buckets
 * @param anonymousMarkers delete markers reported without their id (RGW's DeleteMarkerCreated)
 */
public record ObjectVersions(Map<String, Version> versions, List<Stamp> anonymousMarkers) {

    static final ObjectVersions NONE = new ObjectVersions(Map.of(), List.of());

    private static final String NULL_VERSION = "";

    public ObjectVersions {
        versions = Map.copyOf(versions);
        anonymousMarkers = List.copyOf(anonymousMarkers);
    }

    /** When a change happened at the gateway; the change id orders changes of the same instant. */
    public record Stamp(Instant at, String changeId) implements Comparable<Stamp> {

        private static final Comparator<Stamp> ORDER = Comparator.comparing(Stamp::at).thenComparing(Stamp::changeId);

        @Override
        public int compareTo(Stamp other) {
            return ORDER.compare(this, other);
        }

        static Stamp earliest(Stamp a, Stamp b) {
            return a == null ? b : b == null ? a : a.compareTo(b) <= 0 ? a : b;
        }

        static Stamp latest(Stamp a, Stamp b) {
            return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
        }
    }

    /**
     * One version id's history. {@code removedContentless}: the removal reported no eTag, as RGW
     * does when the removed version is a delete marker.
     */
    public record Version(Stamp created, Stamp marker, Stamp removed, boolean removedContentless,
                          Stamp factsAt, ObjectFacts facts, Stamp tagsAt, Map<String, String> tags) {

        static final Version EMPTY = new Version(null, null, null, false, null, null, null, Map.of());

        public Version {
            tags = tags == null ? Map.of() : Map.copyOf(tags);
        }

        Version observed(Stamp at, ObjectFacts observed) {
            return described(at, observed).tagged(at, observed.tags());
        }

        /** Facts without tags: HeadObject does not return them, so the tags stay as recorded. */
        Version described(Stamp at, ObjectFacts described) {
            return factsAt == null || at.compareTo(factsAt) > 0
                    ? new Version(created, marker, removed, removedContentless, at, described, tagsAt, tags) : this;
        }

        Version tagged(Stamp at, Map<String, String> newTags) {
            return tagsAt == null || at.compareTo(tagsAt) > 0
                    ? new Version(created, marker, removed, removedContentless, factsAt, facts, at, newTags) : this;
        }

        ObjectFacts currentFacts() {
            return facts.withTags(tags);
        }
    }

    ObjectVersions after(LifecycleEvent event) {
        Stamp at = new Stamp(event.change().eventTime(), event.change().changeId());
        String versionId = event.facts().versionId();
        if (event instanceof ObjectCreated created) {
            return put(versionId, at, created.facts());
        }
        if (event instanceof ObjectRemoved removed) {
            if (removed.deleteMarker()) {
                return marker(versionId, at);
            }
            return versionId.isEmpty() ? nullDeleted(at) : removed(versionId, at, removed.facts().eTag().isEmpty());
        }
        if (event instanceof ObjectExpired expired) {
            return expired(expired, versionId, at);
        }
        if (event instanceof ObjectTransitioned transitioned) {
            return transitioned.scope() == LifecycleScope.CURRENT ? put(versionId, at, transitioned.facts())
                    : change(versionId, version -> version.observed(at, transitioned.facts()));
        }
        if (event instanceof ObjectDescribed described) {
            return change(versionId, version -> version.described(at, described.facts()));
        }
        if (event instanceof TagsApplied tagged) {
            return change(versionId, version -> version.tagged(at, tagged.facts().tags()));
        }
        if (event instanceof DispositionApplied disposition && !"DELETE".equals(disposition.disposition())) {
            return change(versionId, version -> version.tagged(at, disposition.facts().tags()));
        }
        return this;
    }

    private ObjectVersions expired(ObjectExpired expired, String versionId, Stamp at) {
        return switch (expired.scope()) {
            // The version id names the expired version, not the marker a versioned bucket puts on top.
            case CURRENT -> versionId.isEmpty() && !expired.deleteMarkerCreated() ? nullDeleted(at) : marker("", at);
            case NONCURRENT -> versionId.isEmpty() ? this : removed(versionId, at, false);
            case DELETE_MARKER -> versionId.isEmpty() ? this : removed(versionId, at, true);
        };
    }

    private ObjectVersions put(String versionId, Stamp at, ObjectFacts facts) {
        return change(versionId, version -> new Version(versionId.equals(NULL_VERSION)
                ? Stamp.latest(version.created(), at) : Stamp.earliest(version.created(), at),
                version.marker(), version.removed(), version.removedContentless(), version.factsAt(), version.facts(),
                version.tagsAt(), version.tags()).observed(at, facts));
    }

    /** A plain delete without a version id: the null version is gone, a null delete marker takes its place. */
    private ObjectVersions nullDeleted(Stamp at) {
        return change(NULL_VERSION, version -> new Version(version.created(), version.marker(),
                Stamp.latest(version.removed(), at), true, version.factsAt(), version.facts(), version.tagsAt(),
                version.tags()));
    }

    private ObjectVersions marker(String versionId, Stamp at) {
        if (versionId.isEmpty()) {
            List<Stamp> markers = new ArrayList<>(anonymousMarkers);
            markers.add(at);
            return new ObjectVersions(versions, markers);
        }
        return change(versionId, version -> new Version(version.created(), Stamp.earliest(version.marker(), at),
                version.removed(), version.removedContentless(), version.factsAt(), version.facts(), version.tagsAt(),
                version.tags()));
    }

    private ObjectVersions removed(String versionId, Stamp at, boolean contentless) {
        return change(versionId, version -> {
            Stamp first = Stamp.earliest(version.removed(), at);
            boolean firstContentless = first == at ? contentless : version.removedContentless();
            return new Version(version.created(), version.marker(), first, firstContentless, version.factsAt(),
                    version.facts(), version.tagsAt(), version.tags());
        });
    }

    private ObjectVersions change(String versionId, UnaryOperator<Version> change) {
        Map<String, Version> changed = new HashMap<>(versions);
        changed.put(versionId, change.apply(versions.getOrDefault(versionId, Version.EMPTY)));
        return new ObjectVersions(changed, anonymousMarkers);
    }

    private record Top(Stamp at, String versionId, Version version) {
    }

    /** The object as a GET sees it now. */
    StateAfter current() {
        List<Top> surviving = new ArrayList<>();
        List<Stamp> markers = new ArrayList<>(anonymousMarkers);
        List<Stamp> markerRemovals = new ArrayList<>();
        boolean anyChange = !markers.isEmpty();
        int dataVersions = 0;
        for (Map.Entry<String, Version> entry : versions.entrySet()) {
            String id = entry.getKey();
            Version version = entry.getValue();
            anyChange |= version.created() != null || version.marker() != null || version.removed() != null;
            if (id.equals(NULL_VERSION)) {
                if (version.created() != null && (version.removed() == null
                        || version.created().compareTo(version.removed()) > 0)) {
                    surviving.add(new Top(version.created(), id, version));
                    dataVersions++;
                } else if (version.removed() != null) {
                    surviving.add(new Top(version.removed(), id, null));
                }
            } else if (version.created() != null) {
                if (version.removed() == null) {
                    surviving.add(new Top(version.created(), id, version));
                    dataVersions++;
                }
                if (version.marker() != null) {
                    // A gateway that named the hidden version instead of the marker: the marker is anonymous.
                    markers.add(version.marker());
                }
            } else if (version.marker() != null) {
                if (version.removed() == null) {
                    surviving.add(new Top(version.marker(), id, null));
                }
            } else if (version.removed() != null && version.removedContentless()) {
                markerRemovals.add(version.removed());
            }
        }
        removeMarkersNamedOnlyOnRemoval(markers, markerRemovals);
        markers.forEach(marker -> surviving.add(new Top(marker, NULL_VERSION, null)));
        Optional<Top> top = surviving.stream().max(Comparator.comparing(Top::at));
        if (top.isEmpty()) {
            return anyChange ? new StateAfter(StateAfter.Presence.ABSENT, "", null, null, 0) : StateAfter.UNKNOWN;
        }
        Top current = top.get();
        return current.version() == null
                ? new StateAfter(StateAfter.Presence.ABSENT, current.versionId(), null, current.at().at(), dataVersions)
                : new StateAfter(StateAfter.Presence.PRESENT, current.versionId(), current.version().currentFacts(),
                current.at().at(), dataVersions);
    }

    /**
     * RGW reports a delete marker without its id and its removal with only that id, so the two
     * are paired by time: each removal takes the newest marker still standing before it. Exact
     * for the usual undelete (removing the marker on top); an older marker removed from under a
     * newer one is taken for the newer one.
     */
    private static void removeMarkersNamedOnlyOnRemoval(List<Stamp> markers, List<Stamp> removals) {
        markers.sort(Comparator.naturalOrder());
        removals.sort(Comparator.naturalOrder());
        for (Stamp removal : removals) {
            for (int i = markers.size() - 1; i >= 0; i--) {
                if (markers.get(i).compareTo(removal) < 0) {
                    markers.remove(i);
                    break;
                }
            }
        }
    }
}
