package io.objectledger.audit.query;

import jakarta.json.Json;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.time.Instant;

/**
 * An entry as the table holds it, its event still the JSON text that was stored: what an export
 * writes out without parsing the event and writing it again. {@link #entry()} is the entry the
 * API answers with; the fields are those of {@link AuditEntry}.
 */
public record StoredEntry(long position, String eventId, String bucket, String key, String objectId,
                          String versionId, long sequence, String eventType, String eventName, Instant eventTime,
                          Instant receivedAt, Instant recordedAt, String principalId, String ownerId, String sourceIp,
                          String requestId, String gatewayId, String previousHash, String entryHash, int hashFormat,
                          String leafHash, String payloadSalt, String payload) {

    /** The same entry with another salt for its payload's commitment. */
    StoredEntry withPayloadSalt(String salt) {
        return new StoredEntry(position, eventId, bucket, key, objectId, versionId, sequence, eventType, eventName,
                eventTime, receivedAt, recordedAt, principalId, ownerId, sourceIp, requestId, gatewayId, previousHash,
                entryHash, hashFormat, leafHash, salt, payload);
    }

    public AuditEntry entry() {
        try (JsonReader reader = Json.createReader(new StringReader(payload))) {
            return new AuditEntry(position, eventId, bucket, key, objectId, versionId, sequence, eventType, eventName,
                    eventTime, receivedAt, recordedAt, principalId, ownerId, sourceIp, requestId, gatewayId,
                    previousHash, entryHash, hashFormat, leafHash, payloadSalt, reader.readObject());
        }
    }
}
