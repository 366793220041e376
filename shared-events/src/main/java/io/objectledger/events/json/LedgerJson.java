package io.objectledger.events.json;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.objectledger.events.command.ObjectCommand;
import io.objectledger.events.command.RecordObjectCreated;
import io.objectledger.events.command.RecordObjectExpired;
import io.objectledger.events.command.RecordObjectRemoved;
import io.objectledger.events.command.RecordObjectTransitioned;
import io.objectledger.events.object.ObjectIdentity;

import java.time.Instant;

/** The one JSON configuration of the contract; every service reads and writes through it. */
public final class LedgerJson {

    private LedgerJson() {
    }

    /**
     * Instants as ISO-8601 strings; unknown properties ignored so that a consumer keeps working
     * when a later minor version of an event adds a field.
     */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .addModule(new SimpleModule("iso-instants").addDeserializer(Instant.class, new IsoInstantDeserializer()))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .addMixIn(ObjectCommand.class, CommandTypes.class)
                .addMixIn(ObjectIdentity.class, ObjectIdentityForm.class)
                .build();
    }

    /** An object identity is {@code {"bucket": ..., "key": ...}}; its derived id is not written. */
    private abstract static class ObjectIdentityForm {

        @JsonCreator
        ObjectIdentityForm(@JsonProperty("bucket") String bucket, @JsonProperty("key") String key) {
        }

        @JsonProperty("bucket")
        abstract String bucket();

        @JsonProperty("key")
        abstract String key();
    }

    /** Commands carry their type in a {@code type} property; the records stay annotation-free. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(RecordObjectCreated.class),
            @JsonSubTypes.Type(RecordObjectRemoved.class),
            @JsonSubTypes.Type(RecordObjectExpired.class),
            @JsonSubTypes.Type(RecordObjectTransitioned.class)
    })
    private interface CommandTypes {
    }
}
