package io.objectledger.lifecycle.policy;

import java.util.LinkedHashMap;
import java.util.Map;

/** S3's limits on an object's tags, checked before the ledger asks S3 to set them. */
public final class TagSet {

    public static final int MAX_TAGS = 10;
    public static final int MAX_KEY_LENGTH = 128;
    public static final int MAX_VALUE_LENGTH = 256;

    private TagSet() {
    }

    /** The object's existing tags with the rule's set over them, or a {@link PolicyException} naming the broken limit. */
    public static Map<String, String> merge(Map<String, String> existing, Map<String, String> applied, String rule) {
        Map<String, String> merged = new LinkedHashMap<>(existing);
        merged.putAll(applied);
        if (merged.size() > MAX_TAGS) {
            throw new PolicyException("rule " + rule + " would give the object " + merged.size()
                    + " tags; S3 allows " + MAX_TAGS);
        }
        merged.forEach((key, value) -> {
            if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
                throw new PolicyException("rule " + rule + ": tag key '" + key + "' must be 1 to " + MAX_KEY_LENGTH + " characters");
            }
            if (value.length() > MAX_VALUE_LENGTH) {
                throw new PolicyException("rule " + rule + ": the value of tag '" + key + "' is " + value.length()
                        + " characters; S3 allows " + MAX_VALUE_LENGTH);
            }
        });
        return merged;
    }
}
