package io.objectledger.audit.query;

import jakarta.json.JsonObject;

import java.time.Instant;

/**
 * One recorded lifecycle event.
 *
 * @param eventTime   when it happened at the gateway
 * @param receivedAt  when the ledger learned of it
 * @param recordedAt  when the audit trail stored it
 * @param principalId who made the request, as the gateway named them
 * @param ownerId     who owns the bucket; empty when the gateway did not say or the entry predates it
 * @param sourceIp    where the request came from; empty when the gateway did not say (RGW 16.2)
 * @param requestId   the gateway's request id ({@code x-amz-request-id})
 * @param gatewayId   the gateway's {@code x-amz-id-2}; empty for entries that predate it
 * @param entryHash   this entry's link in the object's hash chain (see {@link HashChain})
 * @param hashFormat  which fields {@code entryHash} covers: {@link HashChain#EVENT_ONLY} or
 *                    {@link HashChain#WITH_ACTORS}
 * @param event       the event as published, JSON
 */
public record AuditEntry(String eventId, long sequence, String eventType, String eventName, Instant eventTime,
                         Instant receivedAt, Instant recordedAt, String principalId, String ownerId, String sourceIp,
                         String requestId, String gatewayId, String entryHash, int hashFormat, JsonObject event) {
}
