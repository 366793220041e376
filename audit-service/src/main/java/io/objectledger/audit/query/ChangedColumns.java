package io.objectledger.audit.query;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which of an entry's who-acted columns no longer say what the event it records says: the
 * payload's {@code change} was stored with them, so a column edited on its own disagrees with it.
 * Only a hint for the auditor reading a broken entry; the hash decides whether it was changed.
 */
final class ChangedColumns {

    private ChangedColumns() {
    }

    /** The columns that disagree with the payload, empty when none does or the payload cannot be read. */
    static List<String> of(EntryFields entry) {
        JsonObject change;
        try (JsonReader reader = Json.createReader(new StringReader(entry.payload()))) {
            JsonValue value = reader.readObject().get("change");
            if (!(value instanceof JsonObject object)) {
                return List.of();
            }
            change = object;
        } catch (JsonException e) {
            return List.of();
        }
        List<String> changed = new ArrayList<>();
        compare(changed, "event_name", entry.eventName(), text(change, "eventName"));
        compare(changed, "event_time", entry.eventTime(), instant(change, "eventTime"));
        compare(changed, "received_at", entry.receivedAt(), instant(change, "receivedAt"));
        compare(changed, "principal_id", entry.principalId(), text(change, "principalId"));
        compare(changed, "owner_id", entry.ownerId(), text(change, "ownerId"));
        compare(changed, "source_ip", entry.sourceIp(), text(change, "sourceIp"));
        compare(changed, "request_id", entry.requestId(), text(change, "requestId"));
        compare(changed, "gateway_id", entry.gatewayId(), text(change, "gatewayId"));
        return changed;
    }

    private static void compare(List<String> changed, String column, Object stored, Object recorded) {
        if (!Objects.equals(stored, recorded)) {
            changed.add(column);
        }
    }

    private static String text(JsonObject change, String name) {
        return change.get(name) instanceof JsonString value ? value.getString() : "";
    }

    private static Instant instant(JsonObject change, String name) {
        try {
            return AuditProjection.stored(Instant.parse(text(change, name)));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
