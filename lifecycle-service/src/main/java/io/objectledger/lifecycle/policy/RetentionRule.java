package io.objectledger.lifecycle.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * Retention for matching objects: S3 Object Lock ({@code GOVERNANCE} or {@code COMPLIANCE}) for
 * {@code period} from the object's creation, optionally a legal hold. Where the bucket has no
 * Object Lock the ledger keeps the retention itself and, when it ends, applies
 * {@code disposition}: {@code DELETE} the object or {@code TAG_EXPIRED} it.
 *
 * @param period an ISO-8601 period or duration: {@code P7Y}, {@code P30D}, {@code PT1H}
 */
public record RetentionRule(String name, Match match, String mode, String period, boolean legalHold,
                            String disposition) {

    public RetentionRule {
        match = match == null ? Match.everything() : match;
        mode = mode == null ? "GOVERNANCE" : mode.toUpperCase();
        disposition = disposition == null ? "TAG_EXPIRED" : disposition.toUpperCase();
        if (!mode.equals("GOVERNANCE") && !mode.equals("COMPLIANCE")) {
            throw new PolicyException("retention rule " + name + ": mode must be GOVERNANCE or COMPLIANCE, was " + mode);
        }
        if (!disposition.equals("DELETE") && !disposition.equals("TAG_EXPIRED")) {
            throw new PolicyException("retention rule " + name + ": disposition must be DELETE or TAG_EXPIRED");
        }
        retainUntil(Instant.EPOCH, period, name);
    }

    public Instant retainUntil(Instant createdAt) {
        return retainUntil(createdAt, period, name);
    }

    private static Instant retainUntil(Instant from, String period, String name) {
        if (period == null) {
            throw new PolicyException("retention rule " + name + " has no period");
        }
        try {
            return period.contains("T") ? from.plus(Duration.parse(period))
                    : from.atOffset(ZoneOffset.UTC).plus(Period.parse(period)).toInstant();
        } catch (RuntimeException e) {
            throw new PolicyException("retention rule " + name + ": period '" + period + "' is not ISO-8601 (P30D, P7Y, PT1H)");
        }
    }
}
