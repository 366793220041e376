package io.objectledger.ingest.messaging;

import io.objectledger.events.command.ObjectCommand;
import io.objectledger.events.fixtures.RgwFixtures;
import io.objectledger.events.json.CommandCodec;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.objectledger.ingest.messaging.RecordingSender.header;
import static org.assertj.core.api.Assertions.assertThat;

/** What ingest forwards for the tenant payloads of RGW 16.2.15 and for the event names it ignores on purpose. */
class TenantAndEventNameRoutingTest {

    private static final String COMMANDS = "object-commands";
    private static final String DEAD_LETTERS = "rgw-notifications-dlq";
    private static final Instant RECEIVED_AT = Instant.parse("2026-12-06T22:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final RecordingSender sender = new RecordingSender();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final NotificationRouter router = new NotificationRouter();
    private final CommandCodec codec = new CommandCodec();

    @BeforeEach
    void wire() {
        router.sender = sender;
        router.metrics = metrics;
        router.commandsTopic = COMMANDS;
        router.deadLetterTopic = DEAD_LETTERS;
        router.maxBodyBytes = 262_144;
    }

    @Test
    void twoTenantsBucketsOfOneNameAreForwardedAsTwoObjectsOnTheirOwnKeys() throws Exception {
        await(router.accept(RgwFixtures.read("33-tenant-put.json"), "http", RECEIVED_AT));
        await(router.accept(RgwFixtures.read("34-default-tenant-same-bucket-name-put.json"), "http", RECEIVED_AT));

        List<ProducerRecord<String, byte[]>> sent = sender.on(COMMANDS);
        assertThat(sent).hasSize(2);
        ObjectCommand tenant = codec.decode(sent.get(0).value());
        ObjectCommand defaultTenant = codec.decode(sent.get(1).value());
        assertThat(tenant.object().subject()).isEqualTo("t1:sharedname/contracts/2026/acme.txt");
        assertThat(defaultTenant.object().subject()).isEqualTo("sharedname/contracts/2026/acme.txt");
        assertThat(sent.get(0).key()).isEqualTo(tenant.object().aggregateId())
                .isNotEqualTo(sent.get(1).key());
        assertThat(tenant.change().principalId()).isEqualTo("u1");
        assertThat(tenant.change().ownerId()).isEqualTo("u1");
        assertThat(defaultTenant.change().ownerId()).isEqualTo("lab");
        assertThat(sender.on(DEAD_LETTERS)).isEmpty();
    }

    @Test
    void anArnContradictingTheBucketsTenantIsDeadLetteredWithTheContradiction() throws Exception {
        byte[] body = new String(RgwFixtures.read("33-tenant-put.json"), StandardCharsets.UTF_8)
                .replace("\"name\":\"sharedname\"", "\"name\":\"t2:sharedname\"").getBytes(StandardCharsets.UTF_8);

        await(router.accept(body, "kafka", RECEIVED_AT));

        assertThat(sender.on(COMMANDS)).isEmpty();
        assertThat(sender.on(DEAD_LETTERS)).singleElement().satisfies(letter -> {
            assertThat(letter.value()).isEqualTo(body);
            assertThat(header(letter, NotificationRouter.HEADER_REASON)).isEqualTo("invalid-value");
            assertThat(header(letter, NotificationRouter.HEADER_DETAIL))
                    .contains("Records[0].s3.bucket.arn").contains("tenant 't1'").contains("'t2:sharedname'");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"ObjectLifecycle:Expiration:AbortMPU", "ObjectRestore:Post", "ObjectRestore:Completed",
            "ObjectRestore:Delete"})
    void eventsThatChangeNoStoredObjectAreCountedNotForwardedNorDeadLettered(String eventName) throws Exception {
        byte[] body = new String(RgwFixtures.read("33-tenant-put.json"), StandardCharsets.UTF_8)
                .replace("\"ObjectCreated:Put\"", "\"" + eventName + "\"").getBytes(StandardCharsets.UTF_8);

        await(router.accept(body, "kafka", RECEIVED_AT));

        assertThat(sender.sent).isEmpty();
        assertThat(metrics.counted).containsExactly("received kafka", "ignored kafka " + eventName);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Replication:Delete", "Replication:DeletionMarkerCreated",
            "ObjectLifecycle:Expiration:Noncurrent", "ObjectLifecycle:Transition:Noncurrent"})
    void replicationRemovalsAndTheOlderNoncurrentSpellingAreForwarded(String eventName) throws Exception {
        byte[] body = new String(RgwFixtures.read("33-tenant-put.json"), StandardCharsets.UTF_8)
                .replace("\"ObjectCreated:Put\"", "\"" + eventName + "\"").getBytes(StandardCharsets.UTF_8);

        await(router.accept(body, "kafka", RECEIVED_AT));

        assertThat(sender.on(DEAD_LETTERS)).isEmpty();
        assertThat(sender.on(COMMANDS)).singleElement()
                .satisfies(sent -> assertThat(codec.decode(sent.value()).change().eventName()).isEqualTo(eventName));
    }

    private static void await(CompletableFuture<?> future) throws Exception {
        future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
