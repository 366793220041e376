package io.objectledger.bench.measure;

import java.util.List;
import java.util.Optional;

/**
 * The pace of the last stage once the stack is warm: audit entries per second between the
 * readings at which the audit trail first held {@value #FROM_SHARE} and {@value #TO_SHARE} of a
 * phase's changes. The end-to-end figure also counts the first seconds, in which four JVMs
 * compile their hot code while the stream floods in (how long that takes moves from run to run);
 * this one leaves out that start and the drain of the last batches.
 */
public final class SteadyRate {

    static final double FROM_SHARE = 0.2;
    static final double TO_SHARE = 0.8;

    private SteadyRate() {
    }

    /**
     * Changes per second through the audit trail, for a phase that adds {@code changes} to the
     * {@code before} entries already there; empty if the readings never span the two shares.
     */
    public static Optional<Double> of(List<LedgerProgress> readings, long before, long changes) {
        LedgerProgress from = firstAt(readings, before + (long) (changes * FROM_SHARE));
        LedgerProgress to = firstAt(readings, before + (long) (changes * TO_SHARE));
        if (from == null || to == null || to.elapsedMillis() <= from.elapsedMillis()) {
            return Optional.empty();
        }
        return Optional.of((to.auditEntries() - from.auditEntries()) * 1000.0
                / (to.elapsedMillis() - from.elapsedMillis()));
    }

    private static LedgerProgress firstAt(List<LedgerProgress> readings, long entries) {
        return readings.stream().filter(reading -> reading.auditEntries() >= entries).findFirst().orElse(null);
    }
}
