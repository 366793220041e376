package io.objectledger.lifecycle.policy;

import io.objectledger.events.lifecycle.LifecycleEvent;
import io.objectledger.events.lifecycle.ObjectCreated;
import io.objectledger.events.lifecycle.ObjectTransitioned;
import io.objectledger.events.lifecycle.StateAfter;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which gateway changes the ledger completes with HeadObject: a creation (RGW never reports the
 * content type) and a transition that reports size 0, in a bucket enrichment covers (bucket
 * globs as in policy rules, over {@code tenant:bucket}), unless the ledger already knows the
 * object is gone. The ledger's own events never qualify, so a description cannot cause another.
 */
public final class Enrichment {

    public static final Enrichment OFF = new Enrichment(false, List.of());

    private final boolean enabled;
    private final List<Pattern> buckets;

    public Enrichment(boolean enabled, List<String> bucketGlobs) {
        this.enabled = enabled;
        this.buckets = bucketGlobs.stream().map(String::strip).filter(glob -> !glob.isEmpty())
                .map(Match::globToRegex).toList();
    }

    public boolean enabled() {
        return enabled;
    }

    public boolean wanted(LifecycleEvent event) {
        boolean incomplete = event instanceof ObjectCreated
                || event instanceof ObjectTransitioned && event.facts().size() == 0;
        return enabled && incomplete && event.stateAfter().presence() != StateAfter.Presence.ABSENT
                && buckets.stream().anyMatch(bucket -> bucket.matcher(event.object().bucket()).matches());
    }
}
