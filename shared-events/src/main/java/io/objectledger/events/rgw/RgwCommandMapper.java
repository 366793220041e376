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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one RGW notification record into the command it means for the object's lifecycle.
 * {@link #eventNames()} are every name Ceph's {@code rgw_notify_event_type.cc} can send, Pacific to
 * main, and the AWS names gateways share; each becomes a command or is ignored on purpose. Any other
 * name (a wildcard, a typo, {@code ObjectTagging:Put}) is refused, never guessed at.
 */
public final class RgwCommandMapper {

    @FunctionalInterface
    private interface CommandFactory {
        ObjectCommand create(ObjectIdentity object, ObjectFacts facts, ChangeContext change, RgwRecord record);
    }

    private static final String CEPH_EVENT_SOURCE = "ceph:";

    /** Known, but not a change to a stored object: acknowledged and counted, nothing recorded. */
    private static final CommandFactory IGNORED = (object, facts, change, record) -> null;

    private static final Map<String, CommandFactory> COMMANDS = commands();

    private static Map<String, CommandFactory> commands() {
        Map<String, CommandFactory> commands = new LinkedHashMap<>();
        CommandFactory created = (object, facts, change, record) -> new RecordObjectCreated(object, facts, change);
        CommandFactory removed = (object, facts, change, record) ->
                new RecordObjectRemoved(object, facts, false, change);
        CommandFactory deleteMarker = (object, facts, change, record) ->
                new RecordObjectRemoved(object, facts, true, change);
        for (String name : List.of("ObjectCreated:Put", "ObjectCreated:Post", "ObjectCreated:Copy",
                "ObjectCreated:CompleteMultipartUpload",
                // Written by multisite sync or bucket replication rather than by a client.
                "ObjectSynced:Create", "Replication:Create")) {
            commands.put(name, created);
        }
        for (String name : List.of("ObjectRemoved:Delete", "ObjectSynced:Delete", "Replication:Delete")) {
            commands.put(name, removed);
        }
        // Ceph defines the sync and replication spellings but does not generate them.
        for (String name : List.of("ObjectRemoved:DeleteMarkerCreated", "ObjectSynced:DeletionMarkerCreated",
                "Replication:DeletionMarkerCreated")) {
            commands.put(name, deleteMarker);
        }
        commands.put("ObjectLifecycle:Expiration:Current", expired(LifecycleScope.CURRENT));
        // Quincy and Reef send "Noncurrent"; Squid and later "NonCurrent" (ceph/ceph#57319).
        commands.put("ObjectLifecycle:Expiration:Noncurrent", expired(LifecycleScope.NONCURRENT));
        commands.put("ObjectLifecycle:Expiration:NonCurrent", expired(LifecycleScope.NONCURRENT));
        commands.put("ObjectLifecycle:Expiration:DeleteMarker", expired(LifecycleScope.DELETE_MARKER));
        // AWS and Squid: a version id means a version was deleted for good, which lifecycle rules
        // only do to noncurrent versions; without one the (unversioned) object itself expired.
        commands.put("LifecycleExpiration:Delete", (object, facts, change, record) -> new RecordObjectExpired(
                object, facts, record.versionId().isEmpty() ? LifecycleScope.CURRENT : LifecycleScope.NONCURRENT,
                false, change));
        // AWS sends it when a rule hides the current version behind a new delete marker; Ceph's
        // lifecycle sends it, together with Expiration:DeleteMarker, when it removes an expired marker.
        commands.put("LifecycleExpiration:DeleteMarkerCreated", (object, facts, change, record) ->
                record.eventSource().startsWith(CEPH_EVENT_SOURCE)
                        ? new RecordObjectExpired(object, facts, LifecycleScope.DELETE_MARKER, false, change)
                        : new RecordObjectExpired(object, facts, LifecycleScope.CURRENT, true, change));
        commands.put("ObjectLifecycle:Transition:Current", transitioned(LifecycleScope.CURRENT));
        commands.put("ObjectLifecycle:Transition:Noncurrent", transitioned(LifecycleScope.NONCURRENT));
        commands.put("ObjectLifecycle:Transition:NonCurrent", transitioned(LifecycleScope.NONCURRENT));
        commands.put("LifecycleTransition", transitioned(LifecycleScope.CURRENT));
        // An aborted multipart upload never became an object. RGW sends "AbortMPU"; the other
        // spelling is the one a notification configuration uses, accepted should a gateway send it.
        commands.put("ObjectLifecycle:Expiration:AbortMPU", IGNORED);
        commands.put("ObjectLifecycle:Expiration:AbortMultipartUpload", IGNORED);
        // A restore from a cloud tier makes a readable copy of the same version: its content, eTag,
        // versions and presence are unchanged, so there is nothing for the object's history.
        commands.put("ObjectRestore:Post", IGNORED);
        commands.put("ObjectRestore:Completed", IGNORED);
        commands.put("ObjectRestore:Delete", IGNORED);
        return Collections.unmodifiableMap(commands);
    }

    private static CommandFactory expired(LifecycleScope scope) {
        return (object, facts, change, record) -> new RecordObjectExpired(object, facts, scope, false, change);
    }

    private static CommandFactory transitioned(LifecycleScope scope) {
        return (object, facts, change, record) -> new RecordObjectTransitioned(object, facts, scope, change);
    }

    /** Every event name this mapper knows (without the {@code s3:} prefix), ignored ones included. */
    public static Set<String> eventNames() {
        return COMMANDS.keySet();
    }

    /** Whether a known name is acknowledged without recording anything. */
    public static boolean isIgnored(String eventName) {
        return COMMANDS.get(eventName) == IGNORED;
    }

    /** The command, or empty for a known event that changes no stored object. */
    public Optional<ObjectCommand> toCommand(RgwRecord record, Instant receivedAt) {
        String name = record.eventName();
        CommandFactory factory = COMMANDS.get(name);
        if (factory == null) {
            throw new RejectedNotificationException(RejectReason.UNKNOWN_EVENT,
                    "event name '" + name + "' is not one this ledger knows; it is not guessed at");
        }
        if (factory == IGNORED) {
            return Optional.empty();
        }
        ObjectIdentity object = identity(record);
        ObjectFacts facts = new ObjectFacts(record.size(), record.eTag(), record.versionId(),
                record.userMetadata(), record.tags());
        ChangeContext change = new ChangeContext(changeId(record), name, record.eventTime(), receivedAt,
                record.sequencer(), record.principalId(), record.ownerId(), record.sourceIp(), record.requestId(),
                record.gatewayId(), record.configurationId(), record.opaqueData());
        return Optional.of(factory.create(object, facts, change, record));
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
     * configurations, so they are left out. The bucket is tenant-qualified, so the same request
     * id in two tenants' buckets stays two changes; a default-tenant bucket hashes as its bare name.
     */
    static String changeId(RgwRecord record) {
        String identity = String.join("\u0000", record.bucket(), record.key(), record.versionId(),
                record.eventName(), record.requestId(), record.eventTime().toString());
        return Sha256.hex(identity);
    }
}
