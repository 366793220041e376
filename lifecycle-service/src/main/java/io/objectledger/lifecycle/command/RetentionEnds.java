package io.objectledger.lifecycle.command;

import java.time.Instant;

/** Deadline payload: a ledger-managed retention set by {@code rule} ends at {@code retainUntil}. */
public record RetentionEnds(String rule, String disposition, Instant retainUntil) {

    public static final String DEADLINE = "ledger-retention-ends";
}
