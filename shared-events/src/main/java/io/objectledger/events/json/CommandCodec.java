package io.objectledger.events.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.objectledger.events.command.ObjectCommand;

import java.io.IOException;
import java.io.UncheckedIOException;

/** JSON form of the commands on the object-commands topic. */
public final class CommandCodec {

    private static final ObjectMapper MAPPER = LedgerJson.newMapper();
    // Made once: a reader or writer resolves its (de)serializer when it is created.
    private final ObjectReader reader = MAPPER.readerFor(ObjectCommand.class);
    private final ObjectWriter writer = MAPPER.writerFor(ObjectCommand.class);

    public byte[] encode(ObjectCommand command) {
        try {
            return writer.writeValueAsBytes(command);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a command record always serialises", e);
        }
    }

    public ObjectCommand decode(byte[] json) {
        try {
            return reader.readValue(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not an object command: " + e.getMessage(), e);
        }
    }
}
