package io.objectledger.ingest.messaging;

import io.objectledger.events.rgw.RejectReason;
import io.objectledger.events.rgw.RejectedNotificationException;
import io.objectledger.ingest.metrics.IngestMetrics;
import io.objectledger.support.retry.Retry;
import io.objectledger.support.messaging.Acknowledgements;
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
 * offset is committed only after the commands, or the dead letter, are on the broker; a record
 * that cannot be processed for any reason is dead-lettered, so the partition never stalls on it.
 */
@ApplicationScoped
public class NotificationConsumer {

    private static final Logger LOG = Logger.getLogger(NotificationConsumer.class.getName());
    private static final String SOURCE = "kafka";

    @Inject
    NotificationRouter router;

    @Inject
    IngestMetrics metrics;

    @Incoming("rgw-notifications")
    public CompletionStage<Void> consume(Message<byte[]> message) {
        byte[] body = message.getPayload() == null ? new byte[0] : message.getPayload();
        Instant receivedAt = Instant.now();
        metrics.received(SOURCE);
        CompletableFuture<Void> handled;
        try {
            RoutedNotification notification = router.route(body, receivedAt);
            handled = Retry.untilSuccess(() -> router.forward(notification, SOURCE), this::logBrokerFailure);
        } catch (RejectedNotificationException rejection) {
            handled = deadLetter(body, rejection, receivedAt);
        } catch (RuntimeException unexpected) {
            LOG.log(Level.SEVERE, "Dead-lettering a notification that failed unexpectedly", unexpected);
            handled = deadLetter(body, new RejectedNotificationException(RejectReason.UNPROCESSABLE,
                    String.valueOf(unexpected)), receivedAt);
        }
        return handled.thenCompose(done -> Acknowledgements.ack(message));
    }

    private CompletableFuture<Void> deadLetter(byte[] body, RejectedNotificationException rejection, Instant receivedAt) {
        LOG.warning(() -> "Dead-lettering a notification from Kafka: " + rejection.getMessage());
        return Retry.untilSuccess(() -> router.deadLetter(body, rejection, SOURCE, receivedAt), this::logBrokerFailure);
    }

    private void logBrokerFailure(Throwable error) {
        LOG.warning(() -> "Could not write to Kafka, retrying: " + error.getMessage());
    }
}
