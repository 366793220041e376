package io.objectledger.catalog.query;

import java.time.Instant;
import java.util.Map;

/**
 * One object as the catalog knows it now.
 *
 * @param versionId    the current version's id; empty for the null version or an unnamed delete marker
 * @param contentType  the current version's content type as HeadObject gave it; null until the ledger
 *                     has described the version (notifications never carry it)
 * @param currentSince when the current version (or the delete marker on top) came to be; null if unknown
 * @param versionCount surviving object versions, noncurrent ones included; null if unknown
 */
public record CatalogEntry(String bucket, String key, String versionId, ObjectState state, long size,
                           String eTag, String contentType, Map<String, String> metadata, Map<String, String> tags,
                           String lastEventType, Instant lastEventTime, Instant updatedAt,
                           Instant currentSince, Integer versionCount) {
}
