package io.objectledger.events.object;

import java.util.Map;

/**
 * What the gateway told us about one object version at the time of a change.
 *
 * @param versionId empty for unversioned and suspended buckets, and for delete markers (RGW
 *                  does not report the marker's id)
 * @param metadata  user metadata, keys without the {@code x-amz-meta-} prefix
 */
public record ObjectFacts(long size, String eTag, String versionId,
                          Map<String, String> metadata, Map<String, String> tags) {

    public ObjectFacts {
        eTag = eTag == null ? "" : eTag;
        versionId = versionId == null || "null".equals(versionId) ? "" : versionId;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
