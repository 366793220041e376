package io.objectledger.bench.generate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The changes one object goes through, in gateway order: created by a put, a copy or a multipart
 * upload, overwritten, deleted (a delete marker in a versioned bucket), expired by a lifecycle
 * rule, created again. Event times strictly increase, with RGW's microsecond resolution.
 */
final class ObjectHistory {

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Random random;
    private final GatewayIds ids;

    ObjectHistory(Random random) {
        this.random = random;
        this.ids = new GatewayIds(random);
    }

    List<ObjectChange> changes(String bucket, String key, boolean versioned, Instant firstAt, int count) {
        List<ObjectChange> changes = new ArrayList<>(count);
        Instant at = firstAt.truncatedTo(ChronoUnit.MICROS);
        ObjectChange current = null;
        for (int i = 0; i < count; i++) {
            boolean present = current != null && current.kind().leavesObjectPresent();
            ChangeKind kind = next(present, versioned);
            current = change(bucket, key, versioned, kind, at, current);
            changes.add(current);
            at = at.plus(1 + random.nextInt(3_000_000), ChronoUnit.MICROS);
        }
        return changes;
    }

    private ChangeKind next(boolean present, boolean versioned) {
        int dice = random.nextInt(100);
        if (!present) {
            return dice < 70 ? ChangeKind.PUT : dice < 85 ? ChangeKind.COPY : ChangeKind.MULTIPART;
        }
        if (dice < 40) {
            return ChangeKind.PUT;
        }
        if (dice < 50) {
            return ChangeKind.COPY;
        }
        if (dice < 60) {
            return ChangeKind.MULTIPART;
        }
        if (dice < 85) {
            return versioned && random.nextBoolean() ? ChangeKind.DELETE_MARKER : ChangeKind.DELETE;
        }
        return ChangeKind.EXPIRE_CURRENT;
    }

    private ObjectChange change(String bucket, String key, boolean versioned, ChangeKind kind, Instant at,
                                ObjectChange previous) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("x-amz-content-sha256", ids.sha256Hex());
        metadata.put("x-amz-date", AMZ_DATE.format(at));
        Map<String, String> tags = new LinkedHashMap<>();
        if (kind.leavesObjectPresent()) {
            if (kind == ChangeKind.COPY) {
                metadata.put("x-amz-copy-source", bucket + "/templates/source-" + random.nextInt(100) + ".bin");
            }
            metadata.put("x-amz-meta-origin", "bench");
            metadata.put("x-amz-meta-rev", String.valueOf(random.nextInt(1000)));
            if (random.nextInt(4) == 0) {
                tags.put("class", random.nextBoolean() ? "hot" : "archive");
            }
            long size = kind == ChangeKind.MULTIPART ? 5_242_880L * (2 + random.nextInt(4)) + random.nextInt(1 << 20)
                    : random.nextInt(1 << 20);
            String eTag = kind == ChangeKind.MULTIPART ? ids.md5Hex() + "-" + (2 + random.nextInt(4)) : ids.md5Hex();
            return new ObjectChange(bucket, key, versioned ? ids.versionId() : "", kind, at, ids.requestId(),
                    size, eTag, metadata, tags);
        }
        // A removal carries the facts of what it removed; a delete marker is a version of its own.
        String versionId = !versioned ? "" : kind == ChangeKind.DELETE_MARKER ? ids.versionId() : previous.versionId();
        return new ObjectChange(bucket, key, versionId, kind, at, ids.requestId(), previous.size(),
                previous.eTag(), metadata, tags);
    }
}
