package io.objectledger.events.object;

import java.time.Instant;

/**
 * Who changed an object, from where, when the gateway says it happened and when the ledger
 * learned of it.
 *
 * @param changeId    stable identity of one change at the gateway, the same for every delivery
 *                    of it (re-sends and overlapping notification configurations alike)
 * @param eventName   RGW event name without the {@code s3:} prefix, e.g. {@code ObjectCreated:Put}
 * @param eventTime   when the change happened at the gateway
 * @param receivedAt  when the ledger received the notification
 * @param sequencer   RGW's sequencer: its clock in little-endian hex, not a counter
 * @param principalId who made the request ({@code userIdentity.principalId})
 * @param ownerId     who owns the bucket ({@code s3.bucket.ownerIdentity.principalId})
 * @param sourceIp    where the request came from ({@code requestParameters.sourceIPAddress};
 *                    RGW 16.2 sends it empty, other gateways fill it)
 * @param requestId   the gateway's {@code x-amz-request-id}
 * @param gatewayId   RGW's {@code x-amz-id-2}: {@code <rgw id>-<zone>-<zonegroup>}
 */
public record ChangeContext(String changeId, String eventName, Instant eventTime, Instant receivedAt,
                            String sequencer, String principalId, String ownerId, String sourceIp,
                            String requestId, String gatewayId, String configurationId, String opaqueData) {

    /** An event or command stored without the owner or source address reads them as empty, never null. */
    public ChangeContext {
        ownerId = ownerId == null ? "" : ownerId;
        sourceIp = sourceIp == null ? "" : sourceIp;
    }

    /** A change with no bucket owner or source address to record: the ledger's own actions. */
    public ChangeContext(String changeId, String eventName, Instant eventTime, Instant receivedAt, String sequencer,
                         String principalId, String requestId, String gatewayId, String configurationId,
                         String opaqueData) {
        this(changeId, eventName, eventTime, receivedAt, sequencer, principalId, "", "", requestId, gatewayId,
                configurationId, opaqueData);
    }
}
