package io.objectledger.audit.query;

import java.util.List;

/**
 * The outcome of recomputing an object's hash chain from what the audit table holds.
 *
 * @param intact              every entry's hashes match its recorded fields and its predecessor
 * @param headHash            the last entry's hash: keep it elsewhere to detect a truncated tail later
 * @param firstBrokenSequence the position of the first entry whose hashes do not match, or null
 * @param firstBrokenEventId  that entry's event id, or null
 * @param problem             what is wrong with that entry, or null
 * @param sequenceGaps        positions of the object's history with no entry (an event type this
 *                            audit trail did not know, or a removed entry)
 */
public record ChainVerification(String bucket, String key, int entries, boolean intact, String headHash,
                                Long firstBrokenSequence, String firstBrokenEventId, String problem,
                                List<Long> sequenceGaps) {
}
