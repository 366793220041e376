package io.objectledger.events.trail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.objectledger.events.time.IsoInstants;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One line of the audit service's NDJSON export: the entry's fields, its recorded leaf hash, and
 * last its event exactly as stored. The payload commitment is over the stored text, so the event
 * is cut out of the line character for character; parsing it and writing it again could change
 * its spacing, escapes or number forms and with them the hash.
 */
record ExportLine(TrailEntry entry, byte[] recordedLeafHash) {

    private static final JsonFactory JSON = new JsonFactory();

    /** @throws IllegalArgumentException if the line is not an export entry */
    static ExportLine parse(String line) {
        try (JsonParser parser = JSON.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("an entry is a JSON object");
            }
            Map<String, String> fields = new HashMap<>();
            String payload = null;
            while (payload == null && parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("event")) {
                    payload = rawEvent(line, parser);
                } else if (value.isStructStart()) {
                    parser.skipChildren();
                } else if (value != JsonToken.VALUE_NULL) {
                    fields.put(name, parser.getText());
                }
            }
            if (payload == null) {
                throw new IllegalArgumentException("the entry has no event");
            }
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("something follows the entry on its line");
            }
            return new ExportLine(entry(fields, payload), MerkleHashes.unhex(required(fields, "leafHash")));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("a time is not an ISO-8601 instant: " + e.getMessage(), e);
        }
    }

    /**
     * Everything between the colon after {@code "event"} and the entry's closing brace, which is
     * what the export appended; the event must therefore be the last field.
     */
    private static String rawEvent(String line, JsonParser parser) throws IOException {
        int valueStart = (int) parser.currentTokenLocation().getCharOffset();
        int start = line.lastIndexOf(':', valueStart - 1) + 1;
        parser.skipChildren();
        if (parser.nextToken() != JsonToken.END_OBJECT) {
            throw new IllegalArgumentException("the event is the last field of an entry");
        }
        return line.substring(start, (int) parser.currentTokenLocation().getCharOffset());
    }

    private static TrailEntry entry(Map<String, String> fields, String payload) {
        String salt = fields.get("payloadSalt");
        return new TrailEntry(number(fields, "position"), fields.get("eventId"), fields.get("objectId"),
                fields.get("bucket"), fields.get("key"), fields.get("versionId"), number(fields, "sequence"),
                fields.get("eventType"), fields.get("eventName"), time(fields, "eventTime"),
                time(fields, "receivedAt"), time(fields, "recordedAt"), fields.get("principalId"),
                fields.get("ownerId"), fields.get("sourceIp"), fields.get("requestId"), fields.get("gatewayId"),
                salt, TrailEntry.payloadCommitment(salt, payload));
    }

    private static long number(Map<String, String> fields, String name) {
        try {
            return Long.parseLong(required(fields, name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a whole number: " + fields.get(name), e);
        }
    }

    private static Instant time(Map<String, String> fields, String name) {
        return IsoInstants.parse(required(fields, name));
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the entry has no " + name);
        }
        return value;
    }
}
