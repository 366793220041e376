package io.objectledger.audit.tree;

import jakarta.json.bind.annotation.JsonbNillable;

import java.util.List;

/**
 * The outcome of verifying positions {@code from} to {@code to} against signed checkpoints.
 *
 * @param verifiedSize         the largest checkpoint size whose signed root the trail still has
 * @param firstFailingPosition the first position the evidence no longer vouches for; null when
 *                             verified. Exact for an entry changed, removed or moved in place;
 *                             for entries rewritten with recomputed hashes only the signature
 *                             notices, and it names the first position after the last checkpoint
 *                             that still holds
 * @param checkpointSizes      the sizes of the signed checkpoints it compared roots with
 */
@JsonbNillable
public record RangeVerification(boolean verified, long from, long to, long treeSize, long entriesChecked,
                                long verifiedSize, Long firstFailingPosition, String reason,
                                List<Long> checkpointSizes) {
}
