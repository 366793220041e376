package io.objectledger.events.object;

import java.time.Instant;

/**
 * Who changed an object, when the gateway says it happened and when the ledger learned of it.
 *
 * @param changeId   stable identity of one change at the gateway, the same for every delivery
 *                   of it (re-sends and overlapping notification configurations alike)
 * @param eventName  RGW event name without the {@code s3:} prefix, e.g. {@code ObjectCreated:Put}
 * @param eventTime  when the change happened at the gateway
 * @param receivedAt when the ledger received the notification
 * @param sequencer  RGW's sequencer: its clock in little-endian hex, not a counter
 * @param gatewayId  RGW's {@code x-amz-id-2}: {@code <rgw id>-<zone>-<zonegroup>}
 */
public record ChangeContext(String changeId, String eventName, Instant eventTime, Instant receivedAt,
                            String sequencer, String principalId, String requestId, String gatewayId,
                            String configurationId, String opaqueData) {
}
