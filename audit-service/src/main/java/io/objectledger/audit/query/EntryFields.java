package io.objectledger.audit.query;

import java.time.Instant;

/**
 * The recorded fields of one audit entry that its hash covers, as they are stored; which of
 * them a hash covers depends on its {@code format} (see {@link HashChain}).
 */
record EntryFields(int format, String eventId, String objectId, long sequence, String eventType, String eventName,
                   Instant eventTime, Instant receivedAt, String principalId, String ownerId,
                   String sourceIp, String requestId, String gatewayId, String payload) {
}
