package io.objectledger.events.object;

import java.util.Map;

/**
 * What is known about one object version at the time of a change: what the gateway reported
 * with it, or what the ledger read with HeadObject (see the lifecycle event ObjectDescribed).
 *
 * @param versionId   empty for unversioned and suspended buckets, and for delete markers (RGW
 *                    does not report the marker's id)
 * @param metadata    user metadata, keys without the {@code x-amz-meta-} prefix
 * @param contentType empty when not known: RGW's notifications never carry it, only HeadObject does
 */
public record ObjectFacts(long size, String eTag, String versionId,
                          Map<String, String> metadata, Map<String, String> tags, String contentType) {

    public ObjectFacts {
        eTag = eTag == null ? "" : eTag;
        versionId = versionId == null || "null".equals(versionId) ? "" : versionId;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        contentType = contentType == null ? "" : contentType;
    }

    /** Facts as a notification reports them: without the content type. */
    public ObjectFacts(long size, String eTag, String versionId, Map<String, String> metadata, Map<String, String> tags) {
        this(size, eTag, versionId, metadata, tags, "");
    }

    public ObjectFacts withTags(Map<String, String> newTags) {
        return new ObjectFacts(size, eTag, versionId, metadata, newTags, contentType);
    }
}
