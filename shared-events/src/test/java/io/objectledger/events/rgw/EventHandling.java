package io.objectledger.events.rgw;

import io.objectledger.events.command.ObjectCommand;
import io.objectledger.events.command.RecordObjectCreated;
import io.objectledger.events.command.RecordObjectExpired;
import io.objectledger.events.command.RecordObjectRemoved;
import io.objectledger.events.command.RecordObjectTransitioned;
import io.objectledger.events.fixtures.RgwFixtures;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * What the mapper does with one event name, in the words of the event-name table in
 * docs/ingest.md: {@code RecordObjectRemoved(delete marker)}, {@code RecordObjectExpired(NONCURRENT)},
 * {@code ignored}, ...
 */
final class EventHandling {

    private static final Instant RECEIVED = Instant.parse("2026-11-26T22:00:00Z");
    private static final RgwNotificationParser PARSER = new RgwNotificationParser();
    private static final RgwCommandMapper MAPPER = new RgwCommandMapper();

    private EventHandling() {
    }

    /** The handling of a captured RGW put (unversioned, {@code eventSource} {@code ceph:s3}) renamed. */
    static String of(String eventName) {
        return of(recordNamed(eventName, "01-put-with-metadata.json"));
    }

    static String of(RgwRecord record) {
        return MAPPER.toCommand(record, RECEIVED).map(EventHandling::describe).orElse("ignored");
    }

    static RgwRecord recordNamed(String eventName, String fixture) {
        byte[] body = new String(RgwFixtures.read(fixture), StandardCharsets.UTF_8)
                .replaceFirst("\"eventName\":\"[^\"]*\"", "\"eventName\":\"" + eventName + "\"")
                .getBytes(StandardCharsets.UTF_8);
        return PARSER.parse(body).get(0);
    }

    static String describe(ObjectCommand command) {
        if (command instanceof RecordObjectCreated) {
            return "RecordObjectCreated";
        }
        if (command instanceof RecordObjectRemoved removed) {
            return removed.deleteMarker() ? "RecordObjectRemoved(delete marker)" : "RecordObjectRemoved";
        }
        if (command instanceof RecordObjectExpired expired) {
            return "RecordObjectExpired(" + expired.scope() + (expired.deleteMarkerCreated() ? ", delete marker" : "")
                    + ")";
        }
        if (command instanceof RecordObjectTransitioned transitioned) {
            return "RecordObjectTransitioned(" + transitioned.scope() + ")";
        }
        throw new AssertionError("no description for " + command.getClass().getSimpleName());
    }
}
