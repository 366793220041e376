package io.objectledger.events.json;

import io.objectledger.events.command.ObjectCommand;
import io.objectledger.events.command.RecordObjectRemoved;
import io.objectledger.events.fixtures.RgwFixtures;
import io.objectledger.events.lifecycle.LifecycleEvent;
import io.objectledger.events.lifecycle.LifecycleEventType;
import io.objectledger.events.lifecycle.ObjectCreated;
import io.objectledger.events.lifecycle.ObjectDescribed;
import io.objectledger.events.lifecycle.StateAfter;
import io.objectledger.events.command.RecordObjectCreated;
import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.rgw.RgwCommandMapper;
import io.objectledger.events.rgw.RgwNotificationParser;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodecTest {

    private final RgwNotificationParser parser = new RgwNotificationParser();
    private final RgwCommandMapper mapper = new RgwCommandMapper();

    private ObjectCommand command(String fixture) {
        return mapper.toCommand(parser.parse(RgwFixtures.read(fixture)).get(0), Instant.parse("2026-11-26T22:00:00Z")).orElseThrow();
    }

    @Test
    void commandsSurviveTheRoundTripWithTheirType() {
        CommandCodec codec = new CommandCodec();
        ObjectCommand created = command("03-put-with-metadata-and-tags.json");
        ObjectCommand removed = command("17-versioned-delete-creates-marker.json");

        assertThat(codec.decode(codec.encode(created))).isEqualTo(created);
        assertThat(codec.decode(codec.encode(removed))).isEqualTo(removed).isInstanceOf(RecordObjectRemoved.class);
        assertThat(new String(codec.encode(created), StandardCharsets.UTF_8))
                .contains("\"type\":\"RecordObjectCreated\"")
                .contains("\"eventTime\":\"2026-11-26T21:53:21.983440Z\"");
    }

    @Test
    void instantsAreReadInAnyIsoFormAndBadOnesAreRefusedNamingTheField() {
        CommandCodec codec = new CommandCodec();
        String json = new String(codec.encode(command("03-put-with-metadata-and-tags.json")), StandardCharsets.UTF_8);

        ObjectCommand withOffset = codec.decode(json.replace("\"2026-11-26T21:53:21.983440Z\"",
                "\"2026-11-26T23:53:21.98344+02:00\"").getBytes(StandardCharsets.UTF_8));
        ObjectCommand asEpochSeconds = codec.decode(json.replace("\"2026-11-26T21:53:21.983440Z\"",
                "1795730001.983440000").getBytes(StandardCharsets.UTF_8));

        assertThat(withOffset.change().eventTime()).isEqualTo(Instant.parse("2026-11-26T21:53:21.983440Z"));
        assertThat(asEpochSeconds.change().eventTime()).isEqualTo(Instant.parse("2026-11-26T21:53:21.983440Z"));
        assertThatThrownBy(() -> codec.decode(json.replace("\"2026-11-26T21:53:21.983440Z\"", "\"2026-11-26 21:53Z\"")
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("2026-11-26 21:53Z")
                .hasMessageContaining("eventTime");
    }

    @Test
    void eventsSurviveTheRoundTripByCloudEventType() {
        LifecycleEventCodec codec = new LifecycleEventCodec();
        RecordObjectCreated command = (RecordObjectCreated) command("04-put-key-special-chars.json");
        LifecycleEvent event = new ObjectCreated(command.object(), command.facts(), command.change(),
                new StateAfter(StateAfter.Presence.PRESENT, "v2", command.facts(), command.change().eventTime(), 2));

        String type = LifecycleEventType.of(event).cloudEventType();

        assertThat(type).isEqualTo("io.objectledger.object.created.v1");
        assertThat(codec.decode(type, codec.encode(event))).isEqualTo(event);
        assertThat(new String(codec.encode(event), StandardCharsets.UTF_8))
                .contains("\"stateAfter\":{\"presence\":\"PRESENT\",\"versionId\":\"v2\"");
    }

    @Test
    void eventWrittenBeforeStateAfterExistedReadsAsUnknown() {
        String legacy = "{\"object\":{\"bucket\":\"b\",\"key\":\"k\"},\"facts\":{\"size\":1,\"eTag\":\"e\","
                + "\"versionId\":\"\",\"metadata\":{},\"tags\":{}},\"change\":{\"changeId\":\"c\","
                + "\"eventName\":\"ObjectCreated:Put\",\"eventTime\":\"2026-11-26T10:00:00Z\","
                + "\"receivedAt\":\"2026-11-26T10:00:00Z\"}}";

        LifecycleEvent event = new LifecycleEventCodec().decode("io.objectledger.object.created.v1",
                legacy.getBytes(StandardCharsets.UTF_8));

        assertThat(event.stateAfter()).isEqualTo(StateAfter.UNKNOWN);
        assertThat(event.stateAfter().known()).isFalse();
    }

    @Test
    void describedEventKeepsContentTypeAndLastModifiedThroughTheRoundTrip() {
        LifecycleEventCodec codec = new LifecycleEventCodec();
        RecordObjectCreated command = (RecordObjectCreated) command("01-put-with-metadata.json");
        ObjectFacts described = new ObjectFacts(4096, "9b2cf535f27731c974343645a3985328", "v1", Map.of("a", "b"),
                Map.of(), "application/pdf");
        LifecycleEvent event = new ObjectDescribed(command.object(), described, Instant.parse("2026-11-26T21:53:21Z"),
                command.change(), new StateAfter(StateAfter.Presence.PRESENT, "v1", described,
                command.change().eventTime(), 1));

        String type = LifecycleEventType.of(event).cloudEventType();
        LifecycleEvent decoded = codec.decode(type, codec.encode(event));

        assertThat(type).isEqualTo("io.objectledger.object.described.v1");
        assertThat(decoded).isEqualTo(event);
        assertThat(decoded.stateAfter().facts().contentType()).isEqualTo("application/pdf");
        assertThat(new String(codec.encode(event), StandardCharsets.UTF_8))
                .contains("\"lastModified\":\"2026-11-26T21:53:21Z\"").contains("\"contentType\":\"application/pdf\"");
    }

    @Test
    void factsWrittenBeforeContentTypeExistedReadAsUnknownContentType() {
        String legacy = "{\"object\":{\"bucket\":\"b\",\"key\":\"k\"},\"facts\":{\"size\":7,\"eTag\":\"e\","
                + "\"versionId\":\"\",\"metadata\":{},\"tags\":{}},\"change\":{\"changeId\":\"c\","
                + "\"eventName\":\"ObjectCreated:Put\",\"eventTime\":\"2026-11-26T10:00:00Z\","
                + "\"receivedAt\":\"2026-11-26T10:00:00Z\"}}";

        LifecycleEvent event = new LifecycleEventCodec().decode("io.objectledger.object.created.v1",
                legacy.getBytes(StandardCharsets.UTF_8));

        assertThat(event.facts()).isEqualTo(new ObjectFacts(7, "e", "", Map.of(), Map.of()));
        assertThat(event.facts().contentType()).isEmpty();
    }

    @Test
    void whoActedSurvivesTheRoundTripOfCommandsAndEvents() {
        RecordObjectCreated command = (RecordObjectCreated) command("33-tenant-put.json");
        ChangeContext change = command.change();
        ChangeContext fromAddress = new ChangeContext(change.changeId(), change.eventName(), change.eventTime(),
                change.receivedAt(), change.sequencer(), change.principalId(), change.ownerId(), "192.0.2.7",
                change.requestId(), change.gatewayId(), change.configurationId(), change.opaqueData());
        RecordObjectCreated withAddress = new RecordObjectCreated(command.object(), command.facts(), fromAddress);
        LifecycleEvent event = new ObjectCreated(command.object(), command.facts(), fromAddress,
                new StateAfter(StateAfter.Presence.PRESENT, "", command.facts(), change.eventTime(), 1));
        CommandCodec commands = new CommandCodec();
        LifecycleEventCodec events = new LifecycleEventCodec();

        ObjectCommand decodedCommand = commands.decode(commands.encode(withAddress));
        LifecycleEvent decodedEvent = events.decode("io.objectledger.object.created.v1", events.encode(event));

        assertThat(decodedCommand).isEqualTo(withAddress);
        assertThat(decodedEvent).isEqualTo(event);
        assertThat(decodedEvent.object().bucket()).isEqualTo("t1:sharedname");
        assertThat(decodedEvent.change().principalId()).isEqualTo("u1");
        assertThat(decodedEvent.change().ownerId()).isEqualTo("u1");
        assertThat(decodedEvent.change().sourceIp()).isEqualTo("192.0.2.7");
        assertThat(new String(events.encode(event), StandardCharsets.UTF_8))
                .contains("\"principalId\":\"u1\",\"ownerId\":\"u1\",\"sourceIp\":\"192.0.2.7\"");
    }

    @Test
    void eventStoredWithoutOwnerAndSourceReadsThemAsEmptyAndItsBucketAsTheDefaultTenant() {
        String stored = "{\"object\":{\"bucket\":\"sharedname\",\"key\":\"k\"},\"facts\":{\"size\":1,\"eTag\":\"e\","
                + "\"versionId\":\"\",\"metadata\":{},\"tags\":{}},\"change\":{\"changeId\":\"c\","
                + "\"eventName\":\"ObjectCreated:Put\",\"eventTime\":\"2026-11-26T10:00:00Z\","
                + "\"receivedAt\":\"2026-11-26T10:00:00Z\",\"principalId\":\"lab\",\"requestId\":\"r\","
                + "\"gatewayId\":\"1012-default-default\"}}";

        LifecycleEvent event = new LifecycleEventCodec().decode("io.objectledger.object.created.v1",
                stored.getBytes(StandardCharsets.UTF_8));

        assertThat(event.change().principalId()).isEqualTo("lab");
        assertThat(event.change().ownerId()).isEmpty();
        assertThat(event.change().sourceIp()).isEmpty();
        assertThat(event.change().requestId()).isEqualTo("r");
        assertThat(event.object().tenant()).isEmpty();
        assertThat(event.object().bucketName()).isEqualTo("sharedname");
    }

    @Test
    void commandWrittenWithoutOwnerAndSourceDecodesWithThemEmpty() {
        CommandCodec codec = new CommandCodec();
        String json = new String(codec.encode(command("03-put-with-metadata-and-tags.json")), StandardCharsets.UTF_8);
        String withoutWho = json.replace("\"ownerId\":\"lab\",", "").replace("\"sourceIp\":\"\",", "");

        ObjectCommand decoded = codec.decode(withoutWho.getBytes(StandardCharsets.UTF_8));

        assertThat(withoutWho).doesNotContain("ownerId").doesNotContain("sourceIp");
        assertThat(decoded.change().ownerId()).isEmpty();
        assertThat(decoded.change().sourceIp()).isEmpty();
        assertThat(decoded.change().principalId()).isEqualTo("lab");
    }
}
