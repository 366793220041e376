package io.objectledger.lifecycle.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.objectledger.events.json.LedgerJson;
import io.objectledger.events.object.ObjectIdentity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The few fields of a stored lifecycle event that its CloudEvent's attributes need (the object
 * and the gateway's event time), read from the event's JSON without building the whole event.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record EventAttributes(ObjectIdentity object, Change change) {

    private static final ObjectMapper MAPPER = LedgerJson.newMapper();

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Change(Instant eventTime) {
    }

    static EventAttributes read(byte[] eventJson) {
        try {
            return MAPPER.readValue(eventJson, EventAttributes.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable stored lifecycle event: " + e.getMessage(), e);
        }
    }
}
