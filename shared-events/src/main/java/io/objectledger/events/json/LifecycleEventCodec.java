package io.objectledger.events.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.objectledger.events.lifecycle.LifecycleEvent;
import io.objectledger.events.lifecycle.LifecycleEventType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * JSON form of a lifecycle event, the CloudEvents {@code data}; its type travels as the
 * CloudEvents {@code type}, see {@link LifecycleEventType}.
 */
public final class LifecycleEventCodec {

    private final ObjectMapper mapper = LedgerJson.newMapper();
    // One reader per type, made once: readValue(json, type) looked the deserializer up at every call.
    private final Map<LifecycleEventType, ObjectReader> readers = new EnumMap<>(LifecycleEventType.class);

    public LifecycleEventCodec() {
        for (LifecycleEventType type : LifecycleEventType.values()) {
            readers.put(type, mapper.readerFor(type.eventClass()));
        }
    }

    public byte[] encode(LifecycleEvent event) {
        try {
            return mapper.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event record always serialises", e);
        }
    }

    public LifecycleEvent decode(String cloudEventType, byte[] json) {
        LifecycleEventType type = LifecycleEventType.ofCloudEventType(cloudEventType)
                .orElseThrow(() -> new IllegalArgumentException("unknown lifecycle event type " + cloudEventType));
        try {
            return readers.get(type).readValue(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not a " + cloudEventType + " event: " + e.getMessage(), e);
        }
    }
}
