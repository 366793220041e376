package io.objectledger.audit.query;

import jakarta.json.JsonObject;

import java.time.Instant;

/**
 * One recorded lifecycle event.
 *
 * @param eventTime  when it happened at the gateway
 * @param receivedAt when the ledger learned of it
 * @param recordedAt when the audit trail stored it
 * @param entryHash  this entry's link in the object's hash chain (see {@link HashChain})
 * @param event      the event as published, JSON
 */
public record AuditEntry(String eventId, long sequence, String eventType, String eventName, Instant eventTime,
                         Instant receivedAt, Instant recordedAt, String principalId, String requestId,
                         String entryHash, JsonObject event) {
}
