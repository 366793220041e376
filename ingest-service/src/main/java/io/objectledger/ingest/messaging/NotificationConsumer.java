package io.objectledger.ingest.messaging;

import io.objectledger.events.rgw.RejectedNotificationException;
import io.objectledger.support.retry.Retry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Consumes the topic RGW's Kafka push endpoint (and the HTTP push resource) writes to. The
 * offset is committed only after the commands, or the dead letter, are on the broker.
 */
@ApplicationScoped
public class NotificationConsumer {

    private static final Logger LOG = Logger.getLogger(NotificationConsumer.class.getName());

    @Inject
    NotificationRouter router;

    @Incoming("rgw-notifications")
    public CompletionStage<Void> consume(Message<byte[]> message) {
        byte[] body = message.getPayload();
        Instant receivedAt = Instant.now();
        CompletableFuture<Void> handled;
        try {
            var commands = router.commandsOf(body, receivedAt);
            handled = Retry.untilSuccess(() -> router.forward(commands), this::logBrokerFailure);
        } catch (RejectedNotificationException rejection) {
            LOG.warning(() -> "Dead-lettering a notification from Kafka: " + rejection.getMessage());
            handled = Retry.untilSuccess(() -> router.deadLetter(body, rejection, "kafka", receivedAt),
                    this::logBrokerFailure);
        }
        return handled.thenCompose(done -> message.ack());
    }

    private void logBrokerFailure(Throwable error) {
        LOG.log(Level.WARNING, "Could not forward a notification to Kafka, retrying: " + error.getMessage());
    }
}
