package io.objectledger.ingest.redrive;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * How far a re-drive is. It scans each partition of the dead-letter topic from {@code nextOffsets}
 * up to the {@code endOffsets} taken when it started, so dead letters written later (a re-driven
 * one that fails again included) are left for another re-drive. The rate counts the records
 * scanned since this process took the re-drive up, so a resumed one is not slowed by its downtime.
 *
 * @param owner             the instance ({@code ledger.instance}) running it
 * @param runStartedAt      when {@code owner} started or resumed it
 * @param scannedAtRunStart {@code scanned} at that moment
 * @param failure           why it failed, or null
 */
public record RedriveProgress(RedriveState state, String owner, long scanned, long matched, long republished,
                              Map<Integer, Long> endOffsets, Map<Integer, Long> nextOffsets, Instant startedAt,
                              Instant updatedAt, Instant runStartedAt, long scannedAtRunStart, String failure) {

    public RedriveProgress {
        endOffsets = Map.copyOf(endOffsets);
        nextOffsets = Map.copyOf(nextOffsets);
    }

    public static RedriveProgress starting(String owner, Map<Integer, Long> beginningOffsets,
                                           Map<Integer, Long> endOffsets, Instant now) {
        return new RedriveProgress(RedriveState.RUNNING, owner, 0, 0, 0, endOffsets, beginningOffsets, now, now, now,
                0, null);
    }

    /** Offsets of the dead-letter topic still to scan (a record each, but for gaps left by compaction). */
    public long remaining() {
        long remaining = 0;
        for (Map.Entry<Integer, Long> end : endOffsets.entrySet()) {
            remaining += Math.max(0, end.getValue() - nextOffsets.getOrDefault(end.getKey(), 0L));
        }
        return remaining;
    }

    /** Records scanned per second since this run began; 0 before a measurable time has passed. */
    public double ratePerSecond(Instant now) {
        long millis = Duration.between(runStartedAt, now).toMillis();
        if (millis <= 0) {
            return 0;
        }
        return (scanned - scannedAtRunStart) * 1000.0 / millis;
    }

    /** Seconds left at the current rate: 0 when finished, null while there is no rate to go by. */
    public Long estimatedSecondsLeft(Instant now) {
        long remaining = remaining();
        if (state != RedriveState.RUNNING || remaining == 0) {
            return 0L;
        }
        double rate = ratePerSecond(now);
        return rate <= 0 ? null : (long) Math.ceil(remaining / rate);
    }

    /** After a batch: the partitions' new positions and what the batch counted. */
    public RedriveProgress afterBatch(Map<Integer, Long> positions, long scannedInBatch, long matchedInBatch,
                                      long republishedInBatch, Instant now) {
        Map<Integer, Long> next = new HashMap<>(nextOffsets);
        positions.forEach((partition, position) -> next.merge(partition, position, Math::max));
        return new RedriveProgress(state, owner, scanned + scannedInBatch, matched + matchedInBatch,
                republished + republishedInBatch, endOffsets, next, startedAt, now, runStartedAt, scannedAtRunStart,
                failure);
    }

    /** Taken up by {@code newOwner}, e.g. after a restart: the rate starts again from here. */
    public RedriveProgress resumedBy(String newOwner, Instant now) {
        return new RedriveProgress(RedriveState.RUNNING, newOwner, scanned, matched, republished, endOffsets,
                nextOffsets, startedAt, now, now, scanned, null);
    }

    public RedriveProgress finished(RedriveState outcome, String why, Instant now) {
        return new RedriveProgress(outcome, owner, scanned, matched, republished, endOffsets, nextOffsets, startedAt,
                now, runStartedAt, scannedAtRunStart, why);
    }

    public RedriveProgress touched(Instant now) {
        return new RedriveProgress(state, owner, scanned, matched, republished, endOffsets, nextOffsets, startedAt,
                now, runStartedAt, scannedAtRunStart, failure);
    }
}
