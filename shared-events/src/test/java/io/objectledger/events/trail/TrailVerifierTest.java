package io.objectledger.events.trail;

import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrailVerifierTest {

    private static final int SIZE = 50;
    private static final KeyPair KEYS = CheckpointKeys.generateEd25519();

    private final TrailExportFixture trail = new TrailExportFixture(SIZE);
    private final List<String> lines = new ArrayList<>(trail.lines);
    private final List<SignedCheckpoint> checkpoints = List.of(trail.checkpoint(20, KEYS), trail.checkpoint(SIZE, KEYS));

    @Test
    void anUntouchedExportIsVerifiedUpToTheLargestCheckpoint() {
        VerificationResult result = verify();

        assertThat(result.verified()).as(result.reason()).isTrue();
        assertThat(result.verifiedSize()).isEqualTo(SIZE);
        assertThat(result.entriesChecked()).isEqualTo(SIZE);
        assertThat(result.firstFailingPosition()).isNull();
    }

    @Test
    void aChangedFieldFailsAtItsPosition() {
        lines.set(32, lines.get(32).replace("\"bucket\":\"photos\"", "\"bucket\":\"photoz\""));

        assertFailsAt(33, "no longer match the leaf hash");
    }

    @Test
    void aChangedEventPayloadFailsAtItsPosition() {
        lines.set(11, lines.get(11).replace("a b/é", "a b/e"));

        assertFailsAt(12, "no longer match the leaf hash");
    }

    @Test
    void theEventIsCommittedToAsItsExactText() {
        lines.set(12, lines.get(12).replace("\"type\":\"x\", ", "\"type\":\"x\","));

        assertFailsAt(13, "no longer match the leaf hash");
    }

    @Test
    void aDeletedLineFailsAtItsPosition() {
        lines.remove(29);

        assertFailsAt(30, "position 30 is missing");
    }

    @Test
    void theLastLinesDeletedFailAtTheFirstMissingPosition() {
        lines.subList(47, 50).clear();

        assertFailsAt(48, "the export ends at position 47");
    }

    @Test
    void twoLinesSwappedFailAtTheSmallerPosition() {
        Collections.swap(lines, 9, 10);

        assertFailsAt(10, "position 10 is missing");
    }

    @Test
    void aRepeatedLineFailsAtItsPosition() {
        lines.add(15, lines.get(14));

        assertFailsAt(15, "out of order or repeated");
    }

    @Test
    void linesRenumberedAfterADeletionFailAtTheFirstRenumbered() {
        lines.remove(9);
        for (int i = 9; i < lines.size(); i++) {
            lines.set(i, lines.get(i).replace("{\"position\":" + (i + 2) + ",", "{\"position\":" + (i + 1) + ","));
        }

        assertFailsAt(10, "no longer match the leaf hash");
    }

    @Test
    void aFieldChangedWithItsLeafHashRecomputedFailsAfterTheLastCheckpointItMatches() {
        rewrite(35);

        VerificationResult result = assertFailsAt(21, "no longer hash to the root signed at size 50");
        assertThat(result.verifiedSize()).isEqualTo(20);
        assertThat(result.entriesChecked()).isEqualTo(SIZE);
    }

    @Test
    void aRewriteBeforeTheFirstCheckpointFailsFromTheFirstPosition() {
        rewrite(5);

        VerificationResult result = assertFailsAt(1, "the entries after position 0");
        assertThat(result.verifiedSize()).isZero();
    }

    @Test
    void aCheckpointSignedWithAnotherKeyIsNotAccepted() {
        List<SignedCheckpoint> mixed = List.of(trail.checkpoint(20, CheckpointKeys.generateEd25519()),
                trail.checkpoint(SIZE, KEYS));

        VerificationResult result = new TrailVerifier().verify(KEYS.getPublic(), mixed, TrailExportFixture.reader(lines));

        assertThat(result.verified()).isFalse();
        assertThat(result.reason()).contains("checkpoint at size 20 does not verify");
    }

    @Test
    void checkpointsOnlyFromAnotherKeyProveNothing() {
        VerificationResult result = new TrailVerifier().verify(CheckpointKeys.generateEd25519().getPublic(),
                checkpoints, TrailExportFixture.reader(lines));

        assertThat(result.verified()).isFalse();
        assertThat(result.verifiedSize()).isZero();
        assertThat(result.reason()).contains("sizes 20, 50 do not verify");
    }

    @Test
    void entriesAfterTheLargestCheckpointAreCountedButNotChecked() {
        TrailExportFixture longer = new TrailExportFixture(53);
        List<String> extended = new ArrayList<>(longer.lines);
        extended.set(51, "not even JSON");

        VerificationResult result = new TrailVerifier().verify(KEYS.getPublic(),
                List.of(longer.checkpoint(SIZE, KEYS)), TrailExportFixture.reader(extended));

        assertThat(result.verified()).as(result.reason()).isTrue();
        assertThat(result.verifiedSize()).isEqualTo(SIZE);
        assertThat(result.reason()).contains("3 later entries are not covered");
    }

    @Test
    void aLineThatIsNotAnEntryFailsAtItsPosition() {
        lines.set(6, lines.get(6).substring(0, 40));

        assertFailsAt(7, "not an export entry");
    }

    private void rewrite(int position) {
        TrailEntry entry = trail.entries.get(position - 1);
        TrailEntry changed = new TrailEntry(entry.position(), entry.eventId(), entry.objectId(), "other-bucket",
                entry.key(), entry.versionId(), entry.sequence(), entry.eventType(), entry.eventName(),
                entry.eventTime(), entry.receivedAt(), entry.recordedAt(), entry.principalId(), entry.ownerId(),
                entry.sourceIp(), entry.requestId(), entry.gatewayId(), entry.payloadSalt(),
                entry.payloadCommitment());
        lines.set(position - 1, TrailExportFixture.line(changed, trail.payloads.get(position - 1), changed.leafHash()));
    }

    private VerificationResult verify() {
        return new TrailVerifier().verify(KEYS.getPublic(), checkpoints, TrailExportFixture.reader(lines));
    }

    private VerificationResult assertFailsAt(long position, String reason) {
        VerificationResult result = verify();
        assertThat(result.verified()).isFalse();
        assertThat(result.firstFailingPosition()).as(result.reason()).isEqualTo(position);
        assertThat(result.reason()).contains(reason);
        return result;
    }
}
