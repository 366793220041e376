package io.objectledger.events.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import io.objectledger.events.time.IsoInstants;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * Instants written as text go through {@link IsoInstants}; anything else (numbers, empty text,
 * text it refuses) through jsr310's deserializer, so errors keep jsr310's wording.
 */
final class IsoInstantDeserializer extends StdScalarDeserializer<Instant> {

    IsoInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            String text = parser.getText();
            if (!text.isEmpty()) {
                try {
                    return IsoInstants.parse(text);
                } catch (DateTimeException refused) {
                    // falls through to jsr310, for its error
                }
            }
        }
        return InstantDeserializer.INSTANT.deserialize(parser, context);
    }
}
