package io.objectledger.events.rgw;

import io.objectledger.events.command.ObjectCommand;
import io.objectledger.events.command.RecordObjectCreated;
import io.objectledger.events.command.RecordObjectExpired;
import io.objectledger.events.command.RecordObjectRemoved;
import io.objectledger.events.command.RecordObjectTransitioned;
import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.LifecycleScope;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;
import io.objectledger.events.object.Sha256;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one RGW notification record into the command it means for the object's lifecycle.
 * Event names are those of every Ceph release in use (Pacific to Squid) and of AWS; a name not
 * listed here is refused, never guessed at.
 */
public final class RgwCommandMapper {

    private static final Set<String> CREATED = Set.of(
            "ObjectCreated:Put", "ObjectCreated:Post", "ObjectCreated:Copy", "ObjectCreated:CompleteMultipartUpload",
            // Written by multisite sync or bucket replication rather than by a client.
            "ObjectSynced:Create", "Replication:Create");
    private static final Set<String> REMOVED = Set.of("ObjectRemoved:Delete", "ObjectSynced:Delete");
    private static final Set<String> DELETE_MARKER_CREATED = Set.of(
            "ObjectRemoved:DeleteMarkerCreated", "ObjectSynced:DeletionMarkerCreated");
    /** Known, but not a change to a stored object: acknowledged and counted, nothing recorded. */
    private static final Set<String> NOT_AN_OBJECT_CHANGE = Set.of("ObjectLifecycle:Expiration:AbortMultipartUpload");

    /** The command, or empty for a known event that changes no stored object. */
    public Optional<ObjectCommand> toCommand(RgwRecord record, Instant receivedAt) {
        String name = record.eventName();
        if (NOT_AN_OBJECT_CHANGE.contains(name)) {
            return Optional.empty();
        }
        ObjectIdentity object = identity(record);
        ObjectFacts facts = new ObjectFacts(record.size(), record.eTag(), record.versionId(),
                record.userMetadata(), record.tags());
        ChangeContext change = new ChangeContext(changeId(record), name, record.eventTime(),
                receivedAt, record.sequencer(), record.principalId(), record.requestId(), record.gatewayId(),
                record.configurationId(), record.opaqueData());
        return Optional.of(command(name, object, facts, change, record));
    }

    private static ObjectCommand command(String name, ObjectIdentity object, ObjectFacts facts, ChangeContext change,
                                         RgwRecord record) {
        if (CREATED.contains(name)) {
            return new RecordObjectCreated(object, facts, change);
        }
        if (REMOVED.contains(name)) {
            return new RecordObjectRemoved(object, facts, false, change);
        }
        if (DELETE_MARKER_CREATED.contains(name)) {
            return new RecordObjectRemoved(object, facts, true, change);
        }
        return switch (name) {
            case "ObjectLifecycle:Expiration:Current" ->
                    new RecordObjectExpired(object, facts, LifecycleScope.CURRENT, false, change);
            case "ObjectLifecycle:Expiration:NonCurrent" ->
                    new RecordObjectExpired(object, facts, LifecycleScope.NONCURRENT, false, change);
            case "ObjectLifecycle:Expiration:DeleteMarker" ->
                    new RecordObjectExpired(object, facts, LifecycleScope.DELETE_MARKER, false, change);
            // AWS and Squid: a version id means a version was deleted for good, which lifecycle rules
            // only do to noncurrent versions; without one the (unversioned) object itself expired.
            case "LifecycleExpiration:Delete" -> new RecordObjectExpired(object, facts,
                    record.versionId().isEmpty() ? LifecycleScope.CURRENT : LifecycleScope.NONCURRENT, false, change);
            case "LifecycleExpiration:DeleteMarkerCreated" ->
                    new RecordObjectExpired(object, facts, LifecycleScope.CURRENT, true, change);
            case "ObjectLifecycle:Transition:Current", "LifecycleTransition" ->
                    new RecordObjectTransitioned(object, facts, LifecycleScope.CURRENT, change);
            case "ObjectLifecycle:Transition:NonCurrent" ->
                    new RecordObjectTransitioned(object, facts, LifecycleScope.NONCURRENT, change);
            default -> throw new RejectedNotificationException(RejectReason.UNKNOWN_EVENT,
                    "event name '" + name + "' is not one this ledger knows; it is not guessed at");
        };
    }

    private static ObjectIdentity identity(RgwRecord record) {
        int keyBytes = record.key().getBytes(StandardCharsets.UTF_8).length;
        if (keyBytes > ObjectIdentity.MAX_KEY_BYTES) {
            throw new RejectedNotificationException(RejectReason.KEY_TOO_LONG, "object key is " + keyBytes
                    + " bytes of UTF-8, more than the S3 limit of " + ObjectIdentity.MAX_KEY_BYTES);
        }
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
        return Sha256.hex(identity);
    }
}
