package io.objectledger.lifecycle.policy;

import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which objects a rule applies to. Every condition given must hold; an absent condition matches
 * everything. {@code bucket} and {@code glob} are globs: {@code *} within a path segment,
 * {@code **} across segments, {@code ?} one character.
 */
public record Match(String bucket, String prefix, String suffix, String glob, String contentType,
                    Long minSize, Long maxSize, Map<String, String> metadata, Map<String, String> tags) {

    public Match {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    public static Match everything() {
        return new Match(null, null, null, null, null, null, null, null, null);
    }

    public boolean needsContentType() {
        return contentType != null;
    }

    public boolean matches(ObjectIdentity object, ObjectFacts facts, String knownContentType) {
        String key = object.key();
        return (bucket == null || globToRegex(bucket).matcher(object.bucket()).matches())
                && (prefix == null || key.startsWith(prefix))
                && (suffix == null || key.endsWith(suffix))
                && (glob == null || globToRegex(glob).matcher(key).matches())
                && (contentType == null || contentType.equalsIgnoreCase(knownContentType))
                && (minSize == null || facts.size() >= minSize)
                && (maxSize == null || facts.size() <= maxSize)
                && facts.metadata().entrySet().containsAll(metadata.entrySet())
                && facts.tags().entrySet().containsAll(tags.entrySet());
    }

    static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
