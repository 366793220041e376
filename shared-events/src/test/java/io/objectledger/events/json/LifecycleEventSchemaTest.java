package io.objectledger.events.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.objectledger.events.command.ObjectCommand;
import io.objectledger.events.command.RecordObjectCreated;
import io.objectledger.events.command.RecordObjectExpired;
import io.objectledger.events.command.RecordObjectRemoved;
import io.objectledger.events.command.RecordObjectTransitioned;
import io.objectledger.events.fixtures.LifecycleEventSchemas;
import io.objectledger.events.fixtures.RgwFixtures;
import io.objectledger.events.lifecycle.LifecycleEvent;
import io.objectledger.events.lifecycle.DescriptionFailed;
import io.objectledger.events.lifecycle.LifecycleEventType;
import io.objectledger.events.lifecycle.ObjectCreated;
import io.objectledger.events.lifecycle.ObjectDescribed;
import io.objectledger.events.lifecycle.ObjectExpired;
import io.objectledger.events.lifecycle.ObjectRemoved;
import io.objectledger.events.lifecycle.ObjectTransitioned;
import io.objectledger.events.lifecycle.StateAfter;
import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.LifecycleScope;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.rgw.RgwCommandMapper;
import io.objectledger.events.rgw.RgwNotificationParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event type has a published JSON Schema, and the events the ledger writes satisfy it. */
class LifecycleEventSchemaTest {

    static final List<String> FIXTURES = RgwFixtures.ALL;

    private final LifecycleEventSchemas schemas = new LifecycleEventSchemas();
    private final LifecycleEventCodec codec = new LifecycleEventCodec();

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void eventFromEveryCapturedNotificationValidates(String fixture) {
        ObjectCommand command = new RgwCommandMapper().toCommand(new RgwNotificationParser()
                .parse(RgwFixtures.read(fixture)).get(0), Instant.now()).orElseThrow();

        LifecycleEvent event = eventOf(command);

        assertThat(schemas.violations(LifecycleEventType.of(event).cloudEventType(), codec.encode(event))).isEmpty();
    }

    @Test
    void expiredAndTransitionedEventsValidate() {
        RecordObjectCreated created = (RecordObjectCreated) new RgwCommandMapper().toCommand(new RgwNotificationParser()
                .parse(RgwFixtures.read("01-put-with-metadata.json")).get(0), Instant.now()).orElseThrow();
        LifecycleEvent expired = eventOf(new RecordObjectExpired(created.object(), created.facts(),
                LifecycleScope.NONCURRENT, false, created.change()));
        LifecycleEvent transitioned = eventOf(new RecordObjectTransitioned(created.object(), created.facts(),
                LifecycleScope.CURRENT, created.change()));

        assertThat(schemas.violations(LifecycleEventType.of(expired).cloudEventType(), codec.encode(expired))).isEmpty();
        assertThat(schemas.violations(LifecycleEventType.of(transitioned).cloudEventType(), codec.encode(transitioned)))
                .isEmpty();
    }

    @Test
    void describedAndDescriptionFailedEventsValidate() {
        RecordObjectCreated created = (RecordObjectCreated) new RgwCommandMapper().toCommand(new RgwNotificationParser()
                .parse(RgwFixtures.read("01-put-with-metadata.json")).get(0), Instant.now()).orElseThrow();
        ObjectFacts head = new ObjectFacts(24, created.facts().eTag(), "", created.facts().metadata(), Map.of(),
                "text/plain");
        StateAfter present = new StateAfter(StateAfter.Presence.PRESENT, "", head, created.change().eventTime(), 1);
        LifecycleEvent described = new ObjectDescribed(created.object(), head, Instant.parse("2026-11-26T21:53:21Z"),
                created.change(), present);
        LifecycleEvent failed = new DescriptionFailed(created.object(), created.facts(), "404 NoSuchKey: gone", 2,
                true, created.change(), present);

        assertThat(schemas.violations("io.objectledger.object.described.v1", codec.encode(described))).isEmpty();
        assertThat(schemas.violations("io.objectledger.object.description-failed.v1", codec.encode(failed))).isEmpty();
    }

    @Test
    void schemaRefusesADescriptionWithoutContentTypeOrLastModified() {
        byte[] noContentType = ("{\"object\":{\"bucket\":\"b\",\"key\":\"k\"},\"facts\":" + FACTS_JSON
                + ",\"lastModified\":\"2026-11-26T10:00:00Z\",\"change\":" + CHANGE_JSON + "}").getBytes(StandardCharsets.UTF_8);
        byte[] noLastModified = ("{\"object\":{\"bucket\":\"b\",\"key\":\"k\"},\"facts\":"
                + FACTS_JSON.replace("}}", "},\"contentType\":\"text/plain\"}") + ",\"change\":" + CHANGE_JSON + "}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] complete = ("{\"object\":{\"bucket\":\"b\",\"key\":\"k\"},\"facts\":"
                + FACTS_JSON.replace("}}", "},\"contentType\":\"text/plain\"}")
                + ",\"lastModified\":\"2026-11-26T10:00:00Z\",\"change\":" + CHANGE_JSON + "}").getBytes(StandardCharsets.UTF_8);

        assertThat(schemas.violations("io.objectledger.object.described.v1", noContentType)).isNotEmpty();
        assertThat(schemas.violations("io.objectledger.object.described.v1", noLastModified)).isNotEmpty();
        assertThat(schemas.violations("io.objectledger.object.described.v1", complete)).isEmpty();
    }

    @Test
    void schemaRefusesAnEventWithoutItsKey() {
        byte[] keyless = "{\"object\":{\"bucket\":\"b\"},\"facts\":{\"size\":1,\"eTag\":\"\",\"versionId\":\"\",\"metadata\":{},\"tags\":{}},\"change\":{\"changeId\":\"c\",\"eventName\":\"ObjectCreated:Put\",\"eventTime\":\"2026-11-26T10:00:00Z\",\"receivedAt\":\"2026-11-26T10:00:00Z\"}}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(schemas.violations("io.objectledger.object.created.v1", keyless)).isNotEmpty();
    }

    @Test
    void schemaRefusesARemovalWithoutItsDeleteMarkerFlag() {
        RecordObjectCreated created = (RecordObjectCreated) new RgwCommandMapper().toCommand(new RgwNotificationParser()
                .parse(RgwFixtures.read("01-put-with-metadata.json")).get(0), Instant.now()).orElseThrow();

        assertThat(schemas.violations("io.objectledger.object.removed.v1",
                codec.encode(new ObjectCreated(created.object(), created.facts(), created.change(), null))))
                .isNotEmpty();
    }

    @Test
    void eventWrittenBeforeStateAfterExistedStillValidates() {
        byte[] legacy = ("{\"object\":{\"bucket\":\"b\",\"key\":\"k\"},\"facts\":" + FACTS_JSON + ",\"change\":" + CHANGE_JSON
                + "}").getBytes(StandardCharsets.UTF_8);

        assertThat(schemas.violations("io.objectledger.object.created.v1", legacy)).isEmpty();
    }

    @Test
    void schemaRefusesAStateAfterWithAnUnknownPresence() {
        byte[] maybe = ("{\"object\":{\"bucket\":\"b\",\"key\":\"k\"},\"facts\":" + FACTS_JSON + ",\"change\":" + CHANGE_JSON
                + ",\"stateAfter\":{\"presence\":\"MAYBE\",\"versionId\":\"\"}}").getBytes(StandardCharsets.UTF_8);

        assertThat(schemas.violations("io.objectledger.object.created.v1", maybe)).isNotEmpty();
    }

    @Test
    void schemaRefusesPresentStateAfterWithFactsMissingTheirETag() {
        byte[] noETag = ("{\"object\":{\"bucket\":\"b\",\"key\":\"k\"},\"facts\":" + FACTS_JSON + ",\"change\":" + CHANGE_JSON
                + ",\"stateAfter\":{\"presence\":\"PRESENT\",\"versionId\":\"v1\",\"facts\":{\"size\":1,"
                + "\"versionId\":\"v1\",\"metadata\":{},\"tags\":{}}}}").getBytes(StandardCharsets.UTF_8);

        assertThat(schemas.violations("io.objectledger.object.created.v1", noETag)).isNotEmpty();
    }

    private static final String FACTS_JSON = "{\"size\":1,\"eTag\":\"\",\"versionId\":\"\",\"metadata\":{},\"tags\":{}}";
    private static final String CHANGE_JSON = "{\"changeId\":\"c\",\"eventName\":\"ObjectCreated:Put\","
            + "\"eventTime\":\"2026-11-26T10:00:00Z\",\"receivedAt\":\"2026-11-26T10:00:00Z\"}";

    /** Each event with a state after it of the kind the aggregate writes for it. */
    private static LifecycleEvent eventOf(ObjectCommand command) {
        StateAfter present = new StateAfter(StateAfter.Presence.PRESENT, command.change().changeId(),
                command instanceof RecordObjectCreated c ? c.facts() : null, command.change().eventTime(), 2);
        StateAfter absent = new StateAfter(StateAfter.Presence.ABSENT, "", null, command.change().eventTime(), 1);
        if (command instanceof RecordObjectCreated c) {
            return new ObjectCreated(c.object(), c.facts(), c.change(), present);
        }
        if (command instanceof RecordObjectRemoved r) {
            return new ObjectRemoved(r.object(), r.facts(), r.deleteMarker(), r.change(), absent);
        }
        if (command instanceof RecordObjectExpired e) {
            return new ObjectExpired(e.object(), e.facts(), e.scope(), e.deleteMarkerCreated(), e.change(), absent);
        }
        RecordObjectTransitioned t = (RecordObjectTransitioned) command;
        return new ObjectTransitioned(t.object(), t.facts(), t.scope(), t.change(),
                new StateAfter(StateAfter.Presence.PRESENT, "", t.facts(), t.change().eventTime(), 1));
    }

    @ParameterizedTest
    @EnumSource(LifecycleEventType.class)
    void everySchemaDeclaresEveryFieldOfTheChangeWithWhoActedDescribed(LifecycleEventType type) throws IOException {
        JsonNode change;
        try (InputStream in = LifecycleEventSchemaTest.class.getResourceAsStream(type.schemaResource())) {
            change = new ObjectMapper().readTree(in).path("$defs").path("change").path("properties");
        }
        List<String> fields = Arrays.stream(ChangeContext.class.getRecordComponents())
                .map(RecordComponent::getName).toList();

        assertThat(change.fieldNames()).toIterable().as(type.schemaResource()).containsExactlyElementsOf(fields);
        for (String who : List.of("principalId", "ownerId", "sourceIp")) {
            assertThat(change.path(who).path("type").asText()).as(type + " " + who).isEqualTo("string");
            assertThat(change.path(who).path("description").asText()).as(type + " " + who).isNotBlank();
        }
    }
}
