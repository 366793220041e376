package io.objectledger.ingest.messaging;

import io.objectledger.events.fixtures.RgwFixtures;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static io.objectledger.ingest.messaging.RecordingSender.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationConsumerTest {

    private final RecordingSender sender = new RecordingSender();
    private final NotificationConsumer consumer = new NotificationConsumer();

    @BeforeEach
    void wire() {
        NotificationRouter router = new NotificationRouter();
        router.sender = sender;
        router.metrics = new RecordingMetrics();
        router.commandsTopic = "object-commands";
        router.deadLetterTopic = "rgw-notifications-dlq";
        router.maxBodyBytes = 262_144;
        consumer.router = router;
        consumer.brokerTimeoutMs = 5_000;
    }

    @Test
    void aBatchIsDoneWhenEveryCommandAndDeadLetterIsOnTheBroker() throws Exception {
        int handled = consumer.handle(List.of(notification(RgwFixtures.read("01-put-with-metadata.json")),
                notification(null)));

        assertThat(handled).isEqualTo(2);
        assertThat(sender.on("object-commands")).hasSize(1);
        assertThat(sender.on("rgw-notifications-dlq")).singleElement().satisfies(letter -> {
            assertThat(header(letter, NotificationRouter.HEADER_REASON)).isEqualTo("invalid-json");
            assertThat(header(letter, NotificationRouter.HEADER_SOURCE)).isEqualTo("kafka");
        });
    }

    @Test
    void aBatchTheBrokerDoesNotTakeFailsSoThatItIsDeliveredAgain() {
        sender.answer = record -> CompletableFuture.failedFuture(new IllegalStateException("broker down"));

        assertThatThrownBy(() -> consumer.handle(List.of(notification(RgwFixtures.read("11-delete-object.json")))))
                .isInstanceOf(ExecutionException.class).hasMessageContaining("broker down");
    }

    private static ConsumerRecord<String, byte[]> notification(byte[] body) {
        return new ConsumerRecord<>("rgw-notifications", 0, 0, null, body);
    }
}
