package io.objectledger.ingest.redrive;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RedriveProgressTest {

    private static final Instant START = Instant.parse("2026-12-07T10:00:00Z");

    private final RedriveProgress started = RedriveProgress.starting("ingest-0", Map.of(0, 100L, 1, 0L),
            Map.of(0, 300L, 1, 200L), START);

    @Test
    void remainingIsWhatLiesBetweenThePositionsAndTheEndsTakenAtTheStart() {
        assertThat(started.remaining()).isEqualTo(400);
    }

    @Test
    void aBatchAdvancesThePositionsAndAddsItsCounts() {
        RedriveProgress after = started.afterBatch(Map.of(0, 250L), 150, 20, 20, START.plusSeconds(3));

        assertThat(after.remaining()).isEqualTo(250);
        assertThat(after.scanned()).isEqualTo(150);
        assertThat(after.matched()).isEqualTo(20);
        assertThat(after.republished()).isEqualTo(20);
        assertThat(after.nextOffsets()).containsEntry(0, 250L).containsEntry(1, 0L);
    }

    @Test
    void aPositionNeverMovesBack() {
        RedriveProgress after = started.afterBatch(Map.of(0, 250L), 150, 0, 0, START.plusSeconds(1))
                .afterBatch(Map.of(0, 200L), 0, 0, 0, START.plusSeconds(2));

        assertThat(after.nextOffsets()).containsEntry(0, 250L);
    }

    @Test
    void rateIsRecordsScannedPerSecondAndTimeLeftFollowsFromIt() {
        RedriveProgress after = started.afterBatch(Map.of(0, 300L), 200, 1, 1, START.plusSeconds(4));

        assertThat(after.ratePerSecond(START.plusSeconds(4))).isEqualTo(50.0);
        assertThat(after.estimatedSecondsLeft(START.plusSeconds(4))).isEqualTo(4);
    }

    @Test
    void noRateBeforeAnyTimeHasPassedSoNoEstimate() {
        assertThat(started.ratePerSecond(START)).isZero();
        assertThat(started.estimatedSecondsLeft(START)).isNull();
        assertThat(started.estimatedSecondsLeft(START.plusSeconds(5))).isNull();
    }

    @Test
    void timeLeftIsRoundedUp() {
        RedriveProgress after = started.afterBatch(Map.of(0, 103L), 3, 0, 0, START.plusSeconds(1));

        assertThat(after.estimatedSecondsLeft(START.plusSeconds(1))).isEqualTo(133);
    }

    @Test
    void aResumedRedriveMeasuresItsRateFromTheResumeNotFromItsStart() {
        RedriveProgress beforeCrash = started.afterBatch(Map.of(0, 200L), 100, 0, 0, START.plusSeconds(10));
        Instant resumed = START.plusSeconds(3_600);
        RedriveProgress after = beforeCrash.resumedBy("ingest-1", resumed)
                .afterBatch(Map.of(0, 300L), 100, 0, 0, resumed.plusSeconds(2));

        assertThat(after.owner()).isEqualTo("ingest-1");
        assertThat(after.scanned()).isEqualTo(200);
        assertThat(after.ratePerSecond(resumed.plusSeconds(2))).isEqualTo(50.0);
        assertThat(after.startedAt()).isEqualTo(START);
    }

    @Test
    void aFinishedRedriveHasNothingLeftToWaitFor() {
        RedriveProgress cancelled = started.finished(RedriveState.CANCELLED, null, START.plusSeconds(1));

        assertThat(cancelled.state()).isEqualTo(RedriveState.CANCELLED);
        assertThat(cancelled.estimatedSecondsLeft(START.plusSeconds(1))).isZero();
        assertThat(cancelled.remaining()).isEqualTo(400);
    }

    @Test
    void anEmptyDeadLetterTopicIsScannedToEndAtOnce() {
        RedriveProgress empty = RedriveProgress.starting("ingest-0", Map.of(0, 7L), Map.of(0, 7L), START);

        assertThat(empty.remaining()).isZero();
        assertThat(empty.estimatedSecondsLeft(START)).isZero();
    }
}
