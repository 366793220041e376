package io.objectledger.lifecycle.policy;

import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Which objects a rule applies to. Every condition given must hold; an absent condition matches
 * everything. {@code glob} is a key glob: {@code *} within a path segment, {@code **} across
 * segments, {@code ?} one character. {@code bucket} is a bucket glob over the bucket's full name,
 * {@code tenant:bucket} for a bucket of an RGW tenant and the bare name for the default tenant's:
 * {@code *} matches any characters, {@code :} included, and {@code ?} any one character, so
 * {@code *} is every tenant's bucket, {@code photos} the default tenant's only, {@code t1:*}
 * every bucket of tenant t1.
 */
public record Match(String bucket, String prefix, String suffix, String glob, String contentType,
                    Long minSize, Long maxSize, Map<String, String> metadata, Map<String, String> tags) {

    /**
     * Compiled once per glob: the globs come from the policy file, so there are few, and a rule is
     * matched against every new object.
     */
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

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

    /**
     * A glob as a pattern: {@code *} within a path segment, {@code **} across segments, {@code ?}
     * one character. Bucket names hold no {@code /}, so over a bucket's full name {@code *} is any
     * characters, {@code :} included.
     */
    static Pattern globToRegex(String glob) {
        return PATTERNS.computeIfAbsent(glob, Match::compileGlob);
    }

    private static Pattern compileGlob(String glob) {
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
