package io.objectledger.events.rgw;

import io.objectledger.events.command.ObjectCommand;
import io.objectledger.events.command.RecordObjectCreated;
import io.objectledger.events.command.RecordObjectRemoved;
import io.objectledger.events.fixtures.RgwFixtures;
import io.objectledger.events.command.RecordObjectExpired;
import io.objectledger.events.object.LifecycleScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RgwCommandMapperTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-26T22:00:00Z");

    private final RgwNotificationParser parser = new RgwNotificationParser();
    private final RgwCommandMapper mapper = new RgwCommandMapper();

    private ObjectCommand commandFor(String fixture) {
        return mapper.toCommand(parser.parse(RgwFixtures.read(fixture)).get(0), RECEIVED).orElseThrow();
    }

    @Test
    void everyCreateKindBecomesRecordObjectCreated() {
        for (String fixture : new String[]{"01-put-with-metadata.json", "06-multipart-complete.json",
                "07-copy-object.json", "10-post-object-form.json"}) {
            assertThat(commandFor(fixture)).as(fixture).isInstanceOf(RecordObjectCreated.class);
        }
    }

    @Test
    void createCarriesFactsAndWhoAndWhen() {
        RecordObjectCreated command = (RecordObjectCreated) commandFor("03-put-with-metadata-and-tags.json");

        assertThat(command.object().bucket()).isEqualTo("lab-bucket");
        assertThat(command.object().key()).isEqualTo("docs/both.txt");
        assertThat(command.facts().size()).isEqualTo(24);
        assertThat(command.facts().eTag()).isEqualTo("8dd5067d1c62a18c414da9ef1f1dbde6");
        assertThat(command.facts().metadata()).isEqualTo(Map.of("color", "red"));
        assertThat(command.facts().tags()).isEqualTo(Map.of("project", "beta"));
        assertThat(command.change().eventTime()).isEqualTo(Instant.parse("2026-11-26T21:53:21.983440Z"));
        assertThat(command.change().receivedAt()).isEqualTo(RECEIVED);
        assertThat(command.change().principalId()).isEqualTo("lab");
        assertThat(command.change().ownerId()).isEqualTo("lab");
        assertThat(command.change().sourceIp()).isEmpty();
        assertThat(command.change().requestId()).isEqualTo("e32d1936-84ee-4058-8f2b-631d092480cb.4114.12357643981031837405");
        assertThat(command.change().gatewayId()).isEqualTo("1012-default-default");
    }

    @Test
    void deleteAndDeleteMarkerAreTold() {
        RecordObjectRemoved delete = (RecordObjectRemoved) commandFor("11-delete-object.json");
        RecordObjectRemoved marker = (RecordObjectRemoved) commandFor("17-versioned-delete-creates-marker.json");

        assertThat(delete.deleteMarker()).isFalse();
        assertThat(marker.deleteMarker()).isTrue();
    }

    @Test
    void oneChangeUnderTwoConfigurationsHasOneChangeId() {
        ObjectCommand filtered = commandFor("31-filtered-prefix-suffix.json");
        ObjectCommand sync = commandFor("32-filtered-prefix-suffix.json");

        assertThat(filtered.change().configurationId()).isNotEqualTo(sync.change().configurationId());
        assertThat(filtered.change().changeId()).isEqualTo(sync.change().changeId());
    }

    @Test
    void differentChangesHaveDifferentChangeIds() {
        assertThat(commandFor("15-versioned-put-v1.json").change().changeId())
                .isNotEqualTo(commandFor("16-versioned-put-v2.json").change().changeId());
    }

    @Test
    void unknownEventNameIsRefusedNotGuessed() {
        RgwRecord record = parser.parse(RgwFixtures.read("01-put-with-metadata.json")).get(0);
        RgwRecord unknown = new RgwRecord(record.eventVersion(), record.eventSource(), "ObjectTagging:Put",
                record.eventTime(), record.principalId(), record.ownerId(), record.sourceIp(), record.requestId(),
                record.gatewayId(), record.configurationId(), record.bucket(), record.key(), record.size(),
                record.eTag(), record.versionId(), record.sequencer(), record.metadata(), record.tags(),
                record.eventId(), record.opaqueData());

        assertThatThrownBy(() -> mapper.toCommand(unknown, RECEIVED))
                .isInstanceOfSatisfying(RejectedNotificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.UNKNOWN_EVENT));
    }

    @Test
    void keyLongerThan1024BytesIsRefused() {
        RgwRecord record = parser.parse(RgwFixtures.read("01-put-with-metadata.json")).get(0);
        RgwRecord tooLong = new RgwRecord(record.eventVersion(), record.eventSource(), record.eventName(),
                record.eventTime(), record.principalId(), record.ownerId(), record.sourceIp(), record.requestId(),
                record.gatewayId(), record.configurationId(), record.bucket(), "ü".repeat(513), record.size(),
                record.eTag(), record.versionId(), record.sequencer(), record.metadata(), record.tags(),
                record.eventId(), record.opaqueData());

        assertThatThrownBy(() -> mapper.toCommand(tooLong, RECEIVED))
                .isInstanceOfSatisfying(RejectedNotificationException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(RejectReason.KEY_TOO_LONG);
                            assertThat(e.getMessage()).contains("1026 bytes");
                        });
    }

    @ParameterizedTest
    @CsvSource({
            "ObjectCreated:Put, RecordObjectCreated",
            "s3:ObjectCreated:Post, RecordObjectCreated",
            "ObjectCreated:Copy, RecordObjectCreated",
            "ObjectCreated:CompleteMultipartUpload, RecordObjectCreated",
            "ObjectSynced:Create, RecordObjectCreated",
            "Replication:Create, RecordObjectCreated",
            "ObjectRemoved:Delete, RecordObjectRemoved",
            "ObjectSynced:Delete, RecordObjectRemoved",
            "ObjectRemoved:DeleteMarkerCreated, RecordObjectRemoved",
            "ObjectLifecycle:Expiration:Current, RecordObjectExpired",
            "ObjectLifecycle:Expiration:NonCurrent, RecordObjectExpired",
            "ObjectLifecycle:Expiration:DeleteMarker, RecordObjectExpired",
            "LifecycleExpiration:Delete, RecordObjectExpired",
            "s3:LifecycleExpiration:DeleteMarkerCreated, RecordObjectExpired",
            "ObjectLifecycle:Transition:Current, RecordObjectTransitioned",
            "ObjectLifecycle:Transition:NonCurrent, RecordObjectTransitioned",
            "s3:LifecycleTransition, RecordObjectTransitioned"
    })
    void everyKnownEventNameMapsToItsCommand(String eventName, String commandType) {
        assertThat(commandNamed(eventName).getClass().getSimpleName()).isEqualTo(commandType);
    }

    @Test
    void lifecycleExpirationIsNotAUserDelete() {
        RecordObjectExpired current = (RecordObjectExpired) commandNamed("ObjectLifecycle:Expiration:Current");
        RecordObjectExpired noncurrent = (RecordObjectExpired) commandNamed("ObjectLifecycle:Expiration:NonCurrent");
        RecordObjectExpired marker = (RecordObjectExpired) commandNamed("LifecycleExpiration:DeleteMarkerCreated");

        assertThat(current.scope()).isEqualTo(LifecycleScope.CURRENT);
        assertThat(noncurrent.scope()).isEqualTo(LifecycleScope.NONCURRENT);
        // Ceph sends it when its lifecycle removes an expired delete marker.
        assertThat(marker.scope()).isEqualTo(LifecycleScope.DELETE_MARKER);
        assertThat(marker.deleteMarkerCreated()).isFalse();
    }

    @Test
    void deleteMarkerFromSyncIsADeleteMarker() {
        assertThat(((RecordObjectRemoved) commandNamed("ObjectSynced:DeletionMarkerCreated")).deleteMarker()).isTrue();
    }

    @Test
    void abortedMultipartUploadChangesNoObject() {
        RgwRecord record = parser.parse(withEventName("ObjectLifecycle:Expiration:AbortMultipartUpload")).get(0);

        assertThat(mapper.toCommand(record, RECEIVED)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ObjectTagging:Put", "ObjectCreated:*", "ObjectRestore:*", "objectcreated:put", "Put"})
    void unknownOrWildcardNamesAreRefused(String eventName) {
        RgwRecord record = parser.parse(withEventName(eventName)).get(0);

        assertThatThrownBy(() -> mapper.toCommand(record, RECEIVED))
                .isInstanceOfSatisfying(RejectedNotificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.UNKNOWN_EVENT));
    }

    private ObjectCommand commandNamed(String eventName) {
        return mapper.toCommand(parser.parse(withEventName(eventName)).get(0), RECEIVED).orElseThrow();
    }

    private static byte[] withEventName(String eventName) {
        return new String(RgwFixtures.read("01-put-with-metadata.json"), StandardCharsets.UTF_8)
                .replace("\"ObjectCreated:Put\"", "\"" + eventName + "\"")
                .getBytes(StandardCharsets.UTF_8);
    }
}
