package io.objectledger.lifecycle.policy;

import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tags to set on matching objects. A value is literal, or takes a part of the object:
 * {@code ${metadata.<name>}} (user metadata) or {@code ${key.segment[<n>]}} (the n-th
 * '/'-separated part of the key, from 0).
 */
public record TaggingRule(String name, Match match, Map<String, String> tags) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(metadata\\.([^}]+)|key\\.segment\\[(\\d+)])}");

    public TaggingRule {
        match = match == null ? Match.everything() : match;
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** The tags for one object; a placeholder the object cannot fill is a {@link PolicyException}. */
    public Map<String, String> tagsFor(ObjectIdentity object, ObjectFacts facts) {
        Map<String, String> resolved = new LinkedHashMap<>();
        tags.forEach((key, template) -> resolved.put(key, resolve(template, object, facts)));
        return resolved;
    }

    private String resolve(String template, ObjectIdentity object, ObjectFacts facts) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder value = new StringBuilder();
        while (placeholder.find()) {
            String part;
            if (placeholder.group(2) != null) {
                part = facts.metadata().get(placeholder.group(2));
                if (part == null) {
                    throw new PolicyException("rule " + name + ": the object has no metadata '" + placeholder.group(2) + "'");
                }
            } else {
                String[] segments = object.key().split("/", -1);
                int index = Integer.parseInt(placeholder.group(3));
                if (index >= segments.length) {
                    throw new PolicyException("rule " + name + ": the key has no segment " + index);
                }
                part = segments[index];
            }
            placeholder.appendReplacement(value, Matcher.quoteReplacement(part));
        }
        placeholder.appendTail(value);
        return value.toString();
    }
}
