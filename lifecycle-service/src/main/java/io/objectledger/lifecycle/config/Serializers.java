package io.objectledger.lifecycle.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.objectledger.events.json.LedgerJson;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon's serializers, both Jackson (XStream, Axon's default, cannot read records back on Java 17).
 * Events use the contract's mapping; snapshots hold the aggregate itself, whose state lives in
 * private fields, so they are read and written field by field.
 */
public final class Serializers {

    private Serializers() {
    }

    public static Serializer events() {
        return JacksonSerializer.builder().objectMapper(LedgerJson.newMapper()).build();
    }

    public static Serializer snapshots() {
        ObjectMapper fields = LedgerJson.newMapper()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        return JacksonSerializer.builder().objectMapper(fields).build();
    }
}
