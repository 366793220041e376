package io.objectledger.events.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.objectledger.events.command.ObjectCommand;

import java.io.IOException;
import java.io.UncheckedIOException;

/** JSON form of the commands on the object-commands topic. */
public final class CommandCodec {

    private final ObjectMapper mapper = LedgerJson.newMapper();

    public byte[] encode(ObjectCommand command) {
        try {
            return mapper.writerFor(ObjectCommand.class).writeValueAsBytes(command);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a command record always serialises", e);
        }
    }

    public ObjectCommand decode(byte[] json) {
        try {
            return mapper.readValue(json, ObjectCommand.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not an object command: " + e.getMessage(), e);
        }
    }
}
