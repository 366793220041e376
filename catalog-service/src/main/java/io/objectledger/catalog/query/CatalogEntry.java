package io.objectledger.catalog.query;

import java.time.Instant;
import java.util.Map;

/** One object as the catalog knows it now. */
public record CatalogEntry(String bucket, String key, String versionId, ObjectState state, long size,
                           String eTag, Map<String, String> metadata, Map<String, String> tags,
                           String lastEventType, Instant lastEventTime, Instant updatedAt) {
}
