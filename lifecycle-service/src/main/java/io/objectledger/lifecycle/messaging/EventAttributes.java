package io.objectledger.lifecycle.messaging;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.objectledger.events.json.LedgerJson;
import io.objectledger.events.object.ObjectIdentity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The two things of a stored lifecycle event that its CloudEvent's attributes need, the object
 * and the gateway's event time, read from the event's JSON token by token: the facts and the
 * state after are skipped, and reading stops once both are found, as the publisher reads every
 * stored event and binding its whole JSON, even into this small shape, is most of that work.
 */
record EventAttributes(ObjectIdentity object, Instant eventTime) {

    private static final ObjectMapper MAPPER = LedgerJson.newMapper();
    // Readers resolve their deserializer once; MAPPER.readValue(parser, type) looks it up per call.
    private static final ObjectReader OBJECT = MAPPER.readerFor(ObjectIdentity.class);
    private static final ObjectReader INSTANT = MAPPER.readerFor(Instant.class);

    static EventAttributes read(byte[] eventJson) {
        try (JsonParser parser = MAPPER.createParser(eventJson)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            ObjectIdentity object = null;
            Instant eventTime = null;
            while ((object == null || eventTime == null) && parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "object" -> object = OBJECT.readValue(parser);
                    case "change" -> eventTime = eventTime(parser);
                    default -> parser.skipChildren();
                }
            }
            if (object == null || eventTime == null) {
                throw new IOException("no object or no change.eventTime");
            }
            return new EventAttributes(object, eventTime);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable stored lifecycle event: " + e.getMessage(), e);
        }
    }

    /** Reads the change object to its end, answering its eventTime. */
    private static Instant eventTime(JsonParser parser) throws IOException {
        Instant eventTime = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if ("eventTime".equals(field)) {
                eventTime = INSTANT.readValue(parser);
            } else {
                parser.skipChildren();
            }
        }
        return eventTime;
    }
}
