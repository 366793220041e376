package io.objectledger.ingest.redrive;

import java.time.Instant;

/**
 * Which dead letters a re-drive takes: those with this reject reason (any when null), written to
 * the dead-letter topic at or after {@code from} and before {@code to} (open when null). The time
 * is the record's timestamp, which every dead-letter topic has, whichever service wrote it.
 */
public record DeadLetterFilter(String reason, Instant from, Instant to) {

    public static final DeadLetterFilter ALL = new DeadLetterFilter(null, null, null);

    public DeadLetterFilter {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from (" + from + ") must be before to (" + to + ")");
        }
    }

    public boolean matches(String deadLetterReason, Instant deadLetteredAt) {
        if (reason != null && !reason.equals(deadLetterReason)) {
            return false;
        }
        if (from != null && deadLetteredAt.isBefore(from)) {
            return false;
        }
        return to == null || deadLetteredAt.isBefore(to);
    }
}
