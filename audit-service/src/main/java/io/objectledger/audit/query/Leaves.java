package io.objectledger.audit.query;

import io.objectledger.events.trail.TrailEntry;

import java.time.Instant;

/**
 * An entry as the trail's Merkle tree commits to it: its canonical encoding (shared-events
 * {@link TrailEntry}), made from the fields as the projection stores them and, to verify, as the
 * table returns them.
 */
public final class Leaves {

    private Leaves() {
    }

    /** The leaf of a stored entry, recomputed from its fields and its payload (not its stored leaf hash). */
    public static TrailEntry of(StoredEntry entry) {
        return new TrailEntry(entry.position(), entry.eventId(), entry.objectId(), entry.bucket(), entry.key(),
                entry.versionId(), entry.sequence(), entry.eventType(), entry.eventName(), entry.eventTime(),
                entry.receivedAt(), entry.recordedAt(), entry.principalId(), entry.ownerId(), entry.sourceIp(),
                entry.requestId(), entry.gatewayId(), entry.payloadSalt(),
                TrailEntry.payloadCommitment(entry.payloadSalt(), entry.payload()));
    }

    static TrailEntry of(long position, EntryFields entry, String bucket, String key, String versionId,
                         Instant recordedAt, String payloadSalt) {
        return new TrailEntry(position, entry.eventId(), entry.objectId(), bucket, key, versionId, entry.sequence(),
                entry.eventType(), entry.eventName(), entry.eventTime(), entry.receivedAt(), recordedAt,
                entry.principalId(), entry.ownerId(), entry.sourceIp(), entry.requestId(), entry.gatewayId(),
                payloadSalt, TrailEntry.payloadCommitment(payloadSalt, entry.payload()));
    }
}
