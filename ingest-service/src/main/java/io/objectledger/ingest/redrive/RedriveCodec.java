package io.objectledger.ingest.redrive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.objectledger.events.json.LedgerJson;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The JSON form of a {@link Redrive} on the re-drives topic. */
public final class RedriveCodec {

    private final ObjectReader reader = LedgerJson.newMapper().readerFor(Redrive.class);
    private final ObjectWriter writer = LedgerJson.newMapper().writerFor(Redrive.class);

    public byte[] encode(Redrive redrive) {
        try {
            return writer.writeValueAsBytes(redrive);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a re-drive record always serialises", e);
        }
    }

    public Redrive decode(byte[] json) {
        try {
            return reader.readValue(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not a re-drive: " + e.getMessage(), e);
        }
    }
}
