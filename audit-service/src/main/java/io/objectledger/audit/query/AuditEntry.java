package io.objectledger.audit.query;

import jakarta.json.JsonObject;

import java.time.Instant;

/**
 * One recorded lifecycle event.
 *
 * @param position     its place in the whole trail: 1, 2, 3 ... in the order entries were stored
 * @param objectId     the object's identity hash, which its events are keyed by
 * @param versionId    the version the event is about; empty for the null version, and for
 *                     entries H2 stored before version ids were kept
 * @param sequence     its place in the object's history
 * @param eventTime    when it happened at the gateway
 * @param receivedAt   when the ledger learned of it
 * @param recordedAt   when the audit trail stored it
 * @param principalId  who made the request, as the gateway named them
 * @param ownerId      who owns the bucket; empty when the gateway did not say or the entry predates it
 * @param sourceIp     where the request came from; empty when the gateway did not say (RGW 16.2)
 * @param requestId    the gateway's request id ({@code x-amz-request-id})
 * @param gatewayId    the gateway's {@code x-amz-id-2}; empty for entries that predate it
 * @param previousHash the hash of the object's entry before it ({@link HashChain#GENESIS} for its first)
 * @param entryHash    this entry's link in the object's hash chain (see {@link HashChain})
 * @param hashFormat   which fields {@code entryHash} covers: {@link HashChain#EVENT_ONLY} or
 *                     {@link HashChain#WITH_ACTORS}
 * @param leafHash     its leaf in the trail's Merkle tree: the hash of its canonical encoding
 *                     (docs/audit-trail.md), which inclusion proofs start from
 * @param payloadSalt  the salt of the leaf's commitment to the event's payload
 * @param event        the event as published, JSON
 */
public record AuditEntry(long position, String eventId, String bucket, String key, String objectId,
                         String versionId, long sequence, String eventType, String eventName, Instant eventTime,
                         Instant receivedAt, Instant recordedAt, String principalId, String ownerId, String sourceIp,
                         String requestId, String gatewayId, String previousHash, String entryHash, int hashFormat,
                         String leafHash, String payloadSalt, JsonObject event) {
}
