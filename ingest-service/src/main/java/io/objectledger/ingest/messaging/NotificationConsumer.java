package io.objectledger.ingest.messaging;

import io.objectledger.events.rgw.RejectReason;
import io.objectledger.events.rgw.RejectedNotificationException;
import io.objectledger.ingest.metrics.IngestMetrics;
import io.objectledger.support.consumer.BatchHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Consumes the topic RGW's Kafka push endpoint (and the HTTP push resource) writes to, a batch
 * at a time: every notification's commands, or its dead letter, are sent at once, and the batch
 * is done when the broker has all of them. A record that cannot be processed for any reason is
 * dead-lettered, so the partition never stalls on it.
 */
@ApplicationScoped
public class NotificationConsumer implements BatchHandler {

    private static final Logger LOG = Logger.getLogger(NotificationConsumer.class.getName());
    private static final String SOURCE = "kafka";

    @Inject
    NotificationRouter router;

    @Inject
    IngestMetrics metrics;

    @Inject
    @ConfigProperty(name = "ledger.ingest.broker-timeout-ms")
    long brokerTimeoutMs;

    @Override
    public int handle(List<ConsumerRecord<String, byte[]>> batch) throws Exception {
        Instant receivedAt = Instant.now();
        CompletableFuture<?>[] sent = batch.stream()
                .map(record -> forward(record.value() == null ? new byte[0] : record.value(), receivedAt))
                .toArray(CompletableFuture[]::new);
        // Failing here re-delivers the whole batch; commands already sent are recognised as duplicates.
        CompletableFuture.allOf(sent).get(brokerTimeoutMs, TimeUnit.MILLISECONDS);
        return batch.size();
    }

    private CompletableFuture<Void> forward(byte[] body, Instant receivedAt) {
        metrics.received(SOURCE);
        try {
            return router.forward(router.route(body, receivedAt), SOURCE);
        } catch (RejectedNotificationException rejection) {
            return deadLetter(body, rejection, receivedAt);
        } catch (RuntimeException unexpected) {
            LOG.log(Level.SEVERE, "Dead-lettering a notification that failed unexpectedly", unexpected);
            return deadLetter(body, new RejectedNotificationException(RejectReason.UNPROCESSABLE,
                    String.valueOf(unexpected)), receivedAt);
        }
    }

    private CompletableFuture<Void> deadLetter(byte[] body, RejectedNotificationException rejection, Instant receivedAt) {
        LOG.warning(() -> "Dead-lettering a notification from Kafka: " + rejection.getMessage());
        return router.deadLetter(body, rejection, SOURCE, receivedAt);
    }
}
