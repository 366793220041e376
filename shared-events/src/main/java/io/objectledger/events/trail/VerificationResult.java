package io.objectledger.events.trail;

/**
 * What an offline check of an export found.
 *
 * @param verified             every entry up to the largest checkpoint matches it, and every checkpoint given verifies
 * @param entriesChecked       the entries read whose fields match their recorded leaf hash, up to the largest
 *                             usable checkpoint
 * @param verifiedSize         the largest checkpoint size whose signed root the entries were shown to hash to
 * @param firstFailingPosition the first position that cannot be trusted; null when verified, and when only
 *                             a checkpoint failed to verify while every entry matched the others
 * @param reason               what was proven or what failed, in words
 */
public record VerificationResult(boolean verified, long entriesChecked, long verifiedSize, Long firstFailingPosition,
                                 String reason) {

    static VerificationResult proven(long entriesChecked, long verifiedSize, String reason) {
        return new VerificationResult(true, entriesChecked, verifiedSize, null, reason);
    }

    static VerificationResult failed(long entriesChecked, long verifiedSize, Long firstFailingPosition, String reason) {
        return new VerificationResult(false, entriesChecked, verifiedSize, firstFailingPosition, reason);
    }
}
