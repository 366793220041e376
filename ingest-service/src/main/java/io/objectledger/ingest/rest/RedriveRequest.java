package io.objectledger.ingest.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.objectledger.ingest.redrive.DeadLetterFilter;
import io.objectledger.ingest.redrive.RedriveRefusedException;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;

/**
 * The body of {@code POST /api/dead-letters/redrives}: {@code {"deadLetterTopic": "...", "reason":
 * optional, "from": optional ISO instant, "to": optional ISO instant}}. Anything else is refused
 * with a 400 that names the field, so a typo never widens a re-drive to every dead letter.
 */
record RedriveRequest(String deadLetterTopic, DeadLetterFilter filter) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("deadLetterTopic", "reason", "from", "to");

    static RedriveRequest parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw invalid("invalid-json", "the body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw invalid("unreadable-body", "the body could not be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw invalid("invalid-structure", "the body must be a JSON object with deadLetterTopic");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw invalid("unknown-field", "'" + name + "' is not a field of a re-drive; the fields are " + FIELDS);
            }
        }
        String topic = text(root, "deadLetterTopic");
        if (topic == null || topic.isBlank()) {
            throw invalid("missing-field", "deadLetterTopic is required");
        }
        String reason = text(root, "reason");
        Instant from = instant(root, "from");
        Instant to = instant(root, "to");
        try {
            return new RedriveRequest(topic, new DeadLetterFilter(reason, from, to));
        } catch (IllegalArgumentException e) {
            throw invalid("invalid-value", e.getMessage());
        }
    }

    private static String text(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalid("wrong-type", field + " must be a string");
        }
        return value.asText();
    }

    private static Instant instant(JsonNode root, String field) {
        String value = text(root, field);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid("invalid-value", field + " is '" + value + "', not an ISO-8601 instant such as 2026-12-07T10:15:30Z");
        }
    }

    private static RedriveRefusedException invalid(String code, String message) {
        return new RedriveRefusedException(400, code, message);
    }
}
