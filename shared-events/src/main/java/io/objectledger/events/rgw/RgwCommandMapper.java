package io.objectledger.events.rgw;

import io.objectledger.events.command.ObjectCommand;
import io.objectledger.events.command.RecordObjectCreated;
import io.objectledger.events.command.RecordObjectRemoved;
import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** Turns one RGW notification record into the command it means for the object's lifecycle. */
public final class RgwCommandMapper {

    public ObjectCommand toCommand(RgwRecord record, Instant receivedAt) {
        ObjectIdentity object = identity(record);
        ObjectFacts facts = new ObjectFacts(record.size(), record.eTag(), record.versionId(),
                record.userMetadata(), record.tags());
        ChangeContext change = new ChangeContext(changeId(record), record.eventName(), record.eventTime(),
                receivedAt, record.sequencer(), record.principalId(), record.requestId(), record.gatewayId(),
                record.configurationId(), record.opaqueData());
        String name = record.eventName();
        if (name.startsWith("ObjectCreated:")) {
            return new RecordObjectCreated(object, facts, change);
        }
        if (name.equals("ObjectRemoved:Delete")) {
            return new RecordObjectRemoved(object, facts, false, change);
        }
        if (name.equals("ObjectRemoved:DeleteMarkerCreated")) {
            return new RecordObjectRemoved(object, facts, true, change);
        }
        throw new RejectedNotificationException(RejectReason.UNKNOWN_EVENT,
                "event name '" + name + "' is not one this ledger knows; it is not guessed at");
    }

    private static ObjectIdentity identity(RgwRecord record) {
        try {
            return new ObjectIdentity(record.bucket(), record.key());
        } catch (IllegalArgumentException e) {
            throw new RejectedNotificationException(RejectReason.INVALID_VALUE, e.getMessage());
        }
    }

    /**
     * One change at the gateway has one request id and event time, whichever notification
     * configuration delivered it; {@code eventId} and {@code sequencer} differ between
     * configurations, so they are left out.
     */
    static String changeId(RgwRecord record) {
        String identity = String.join("\u0000", record.bucket(), record.key(), record.versionId(),
                record.eventName(), record.requestId(), record.eventTime().toString());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
