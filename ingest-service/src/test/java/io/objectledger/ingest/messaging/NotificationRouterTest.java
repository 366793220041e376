package io.objectledger.ingest.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.objectledger.events.command.ObjectCommand;
import io.objectledger.events.command.RecordObjectCreated;
import io.objectledger.events.command.RecordObjectRemoved;
import io.objectledger.events.fixtures.RgwFixtures;
import io.objectledger.events.json.CommandCodec;
import io.objectledger.events.object.ObjectIdentity;
import io.objectledger.events.rgw.RejectReason;
import io.objectledger.events.rgw.RejectedNotificationException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.objectledger.ingest.messaging.RecordingSender.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class NotificationRouterTest {

    private static final String COMMANDS = "object-commands";
    private static final String DEAD_LETTERS = "rgw-notifications-dlq";
    private static final int MAX_BODY_BYTES = 262_144;
    private static final Instant RECEIVED_AT = Instant.parse("2026-11-26T22:00:00Z");
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
        router.maxBodyBytes = MAX_BODY_BYTES;
    }

    @Test
    void aPutBecomesOneCreateCommandKeyedByItsObject() {
        RoutedNotification routed = router.route(RgwFixtures.read("01-put-with-metadata.json"), RECEIVED_AT);

        assertThat(routed.commands()).singleElement().isInstanceOfSatisfying(RecordObjectCreated.class, created -> {
            assertThat(created.object()).isEqualTo(new ObjectIdentity("lab-bucket", "docs/hello.txt"));
            assertThat(created.change().receivedAt()).isEqualTo(RECEIVED_AT);
        });
        assertThat(routed.ignoredEvents()).isEmpty();
        assertThat(routed.key()).isEqualTo(new ObjectIdentity("lab-bucket", "docs/hello.txt").aggregateId());
    }

    @Test
    void aDeleteBecomesOneRemoveCommand() {
        RoutedNotification routed = router.route(RgwFixtures.read("11-delete-object.json"), RECEIVED_AT);

        assertThat(routed.commands()).singleElement().isInstanceOfSatisfying(RecordObjectRemoved.class, removed -> {
            assertThat(removed.object().key()).isEqualTo("docs/hello-copy.txt");
            assertThat(removed.deleteMarker()).isFalse();
        });
    }

    @Test
    void anAbortedMultipartUploadChangesNoObjectAndIsOnlyCounted() throws Exception {
        byte[] aborted = new String(RgwFixtures.read("06-multipart-complete.json"), StandardCharsets.UTF_8)
                .replace("ObjectCreated:CompleteMultipartUpload", "ObjectLifecycle:Expiration:AbortMultipartUpload")
                .getBytes(StandardCharsets.UTF_8);

        await(router.accept(aborted, "kafka", RECEIVED_AT));

        assertThat(sender.sent).isEmpty();
        assertThat(metrics.counted).containsExactly("received kafka",
                "ignored kafka ObjectLifecycle:Expiration:AbortMultipartUpload");
    }

    @Test
    void everyRecordOfANotificationIsForwardedKeyedByItsOwnObject() throws Exception {
        byte[] twoRecords = records("25-persistent-put-two-more.json", "28-persistent-delete-objects-multi.json");

        await(router.accept(twoRecords, "kafka", RECEIVED_AT));

        assertThat(sender.on(COMMANDS)).hasSize(2);
        for (ProducerRecord<String, byte[]> sent : sender.on(COMMANDS)) {
            ObjectCommand command = codec.decode(sent.value());
            assertThat(sent.key()).isEqualTo(command.object().aggregateId());
            assertThat(command.change().receivedAt()).isEqualTo(RECEIVED_AT);
        }
        assertThat(sender.on(COMMANDS).stream().map(sent -> codec.decode(sent.value())))
                .extracting(command -> command.object().key(), ObjectCommand::getClass)
                .containsExactly(tuple("p/two.txt", RecordObjectCreated.class),
                        tuple("p/three.txt", RecordObjectRemoved.class));
        assertThat(sender.on(DEAD_LETTERS)).isEmpty();
        assertThat(metrics.counted).containsExactly("received kafka", "accepted kafka ObjectCreated:Put",
                "accepted kafka ObjectRemoved:Delete");
    }

    @Test
    void aMalformedBodyIsDeadLetteredWithItsReasonSourceAndOriginalBytes() throws Exception {
        byte[] malformed = "{\"Records\": [".getBytes(StandardCharsets.UTF_8);

        await(router.accept(malformed, "kafka", RECEIVED_AT));

        assertThat(sender.on(COMMANDS)).isEmpty();
        assertThat(sender.on(DEAD_LETTERS)).singleElement().satisfies(letter -> {
            assertThat(letter.value()).isEqualTo(malformed);
            assertThat(header(letter, NotificationRouter.HEADER_REASON)).isEqualTo("invalid-json");
            assertThat(header(letter, NotificationRouter.HEADER_DETAIL)).startsWith("invalid-json: ");
            assertThat(header(letter, NotificationRouter.HEADER_SOURCE)).isEqualTo("kafka");
            assertThat(header(letter, NotificationRouter.HEADER_RECEIVED_AT)).isEqualTo(RECEIVED_AT.toString());
            assertThat(header(letter, NotificationRouter.HEADER_ORIGINAL_BYTES)).isEqualTo(String.valueOf(malformed.length));
        });
        assertThat(metrics.counted).containsExactly("received kafka", "dead-lettered kafka invalid-json");
    }

    @Test
    void aBodyThatIsNotUtf8IsDeadLetteredAsSuch() throws Exception {
        byte[] latin1 = "{\"Records\":[{\"eventName\":\"caf\u00e9\"}]}".getBytes(StandardCharsets.ISO_8859_1);

        await(router.accept(latin1, "http", RECEIVED_AT));

        assertThat(sender.on(DEAD_LETTERS)).singleElement()
                .satisfies(letter -> assertThat(header(letter, NotificationRouter.HEADER_REASON)).isEqualTo("invalid-utf8"));
        assertThat(sender.on(COMMANDS)).isEmpty();
    }

    @Test
    void anOversizeBodyIsRefusedAndItsDeadLetterKeepsOnlyAPrefix() throws Exception {
        byte[] oversize = new byte[MAX_BODY_BYTES + 1];
        Arrays.fill(oversize, (byte) ' ');

        assertThatThrownBy(() -> router.route(oversize, RECEIVED_AT))
                .isInstanceOfSatisfying(RejectedNotificationException.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(RejectReason.OVERSIZE))
                .hasMessage("oversize: the body is 262145 bytes, more than the limit of 262144");
        await(router.accept(oversize, "kafka", RECEIVED_AT));

        assertThat(sender.on(DEAD_LETTERS)).singleElement().satisfies(letter -> {
            assertThat(letter.value()).hasSize(NotificationRouter.MAX_DEAD_LETTER_BYTES);
            assertThat(header(letter, NotificationRouter.HEADER_REASON)).isEqualTo("oversize");
            assertThat(header(letter, NotificationRouter.HEADER_ORIGINAL_BYTES)).isEqualTo("262145");
        });
    }

    @Test
    void aNotificationThatFailsUnexpectedlyIsDeadLetteredAsUnprocessable() throws Exception {
        sender.answer = record -> {
            if (record.topic().equals(COMMANDS)) {
                throw new IllegalStateException("producer closed");
            }
            return CompletableFuture.completedFuture(null);
        };
        byte[] put = RgwFixtures.read("01-put-with-metadata.json");

        await(router.accept(put, "kafka", RECEIVED_AT));

        assertThat(sender.on(DEAD_LETTERS)).singleElement().satisfies(letter -> {
            assertThat(letter.value()).isEqualTo(put);
            assertThat(header(letter, NotificationRouter.HEADER_REASON)).isEqualTo("unprocessable");
            assertThat(header(letter, NotificationRouter.HEADER_DETAIL)).contains("producer closed");
        });
    }

    @Test
    void aCommandTheBrokerRefusesFailsTheNotificationSoItIsDeliveredAgain() {
        sender.answer = record -> CompletableFuture.failedFuture(new TimeoutException("no broker"));

        CompletableFuture<Void> accepted = router.accept(RgwFixtures.read("01-put-with-metadata.json"), "kafka", RECEIVED_AT);

        assertThatThrownBy(() -> await(accepted)).isInstanceOf(ExecutionException.class).hasMessageContaining("no broker");
        assertThat(sender.on(DEAD_LETTERS)).isEmpty();
        assertThat(metrics.counted).containsExactly("received kafka");
    }

    private static void await(CompletableFuture<?> future) throws Exception {
        future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One notification holding the records of several captured ones, as RGW batches them. */
    private static byte[] records(String... fixtures) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode notification = json.createObjectNode();
        ArrayNode records = notification.putArray("Records");
        for (String fixture : fixtures) {
            records.addAll((ArrayNode) json.readTree(RgwFixtures.read(fixture)).get("Records"));
        }
        return json.writeValueAsBytes(notification);
    }
}
