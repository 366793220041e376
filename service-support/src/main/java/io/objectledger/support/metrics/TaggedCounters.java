package io.objectledger.support.metrics;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The counters of one metric, one per combination of tag values, each looked up in the registry
 * once, because a registry lookup builds, sorts and hashes the tags each time, which costs more
 * than the count itself on a per-record path. The tag values must come from a small set (event
 * names, outcomes, reasons), as for any metric.
 */
public final class TaggedCounters {

    private final MetricRegistry registry;
    private final String name;
    private final List<String> tagNames;
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();

    public TaggedCounters(MetricRegistry registry, String name, String... tagNames) {
        this.registry = registry;
        this.name = name;
        this.tagNames = List.of(tagNames);
    }

    /** Adds one to the counter with these tag values, in the order of the tag names. */
    public void inc(String... tagValues) {
        counters.computeIfAbsent(List.of(tagValues), this::register).inc();
    }

    private Counter register(List<String> tagValues) {
        if (tagValues.size() != tagNames.size()) {
            throw new IllegalArgumentException(name + " takes the tags " + tagNames + ", given " + tagValues);
        }
        Tag[] tags = new Tag[tagNames.size()];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = new Tag(tagNames.get(i), tagValues.get(i));
        }
        return registry.counter(name, tags);
    }
}
