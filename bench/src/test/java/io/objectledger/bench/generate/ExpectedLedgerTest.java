package io.objectledger.bench.generate;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The generator's idea of the end state follows S3 versioning, not just the last change. */
class ExpectedLedgerTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void deletingTheCurrentVersionByIdMakesThePreviousOneCurrent() {
        ObjectChange v1 = change("v1", ChangeKind.PUT, 0, "e1");
        ObjectChange v2 = change("v2", ChangeKind.PUT, 1, "e2");
        ObjectChange deleteV2 = change("v2", ChangeKind.DELETE, 2, "e2");

        assertThat(ExpectedLedger.currentVersion(List.of(v1, v2, deleteV2))).contains(v1);
    }

    @Test
    void aDeleteMarkerOrACurrentExpirationOnTopLeavesTheObjectRemoved() {
        ObjectChange v1 = change("v1", ChangeKind.PUT, 0, "e1");

        assertThat(ExpectedLedger.currentVersion(List.of(v1, change("m1", ChangeKind.DELETE_MARKER, 1, "e1"))))
                .isEmpty();
        assertThat(ExpectedLedger.currentVersion(List.of(v1, change("v1", ChangeKind.EXPIRE_CURRENT, 1, "e1"))))
                .isEmpty();
    }

    @Test
    void inAnUnversionedBucketAnyRemovalRemovesTheObject() {
        ObjectChange put = change("", ChangeKind.PUT, 0, "e1");
        ObjectChange overwrite = change("", ChangeKind.COPY, 1, "e2");

        assertThat(ExpectedLedger.currentVersion(List.of(put, overwrite))).contains(overwrite);
        assertThat(ExpectedLedger.currentVersion(List.of(put, overwrite, change("", ChangeKind.DELETE, 2, "e2"))))
                .isEmpty();
    }

    private static ObjectChange change(String versionId, ChangeKind kind, int second, String eTag) {
        return new ObjectChange("bench-versioned", "k", versionId, kind, T0.plusSeconds(second), "req-" + second,
                10, eTag, Map.of(), Map.of());
    }
}
