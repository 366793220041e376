package io.objectledger.ingest.messaging;

import io.objectledger.support.consumer.BatchHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Consumes the topic RGW's Kafka push endpoint (and the HTTP push resource) writes to, a batch
 * at a time: every notification's commands, or its dead letter, are sent at once, and the batch
 * is done when the broker has all of them. A record that cannot be processed for any reason is
 * dead-lettered, so the partition never stalls on it.
 */
@ApplicationScoped
public class NotificationConsumer implements BatchHandler {

    private static final String SOURCE = "kafka";

    @Inject
    NotificationRouter router;

    @Inject
    @ConfigProperty(name = "ledger.ingest.broker-timeout-ms")
    long brokerTimeoutMs;

    @Override
    public int handle(List<ConsumerRecord<String, byte[]>> batch) throws Exception {
        Instant receivedAt = Instant.now();
        CompletableFuture<?>[] sent = batch.stream()
                .map(record -> router.accept(record.value() == null ? new byte[0] : record.value(), SOURCE, receivedAt))
                .toArray(CompletableFuture[]::new);
        // Failing here re-delivers the whole batch; commands already sent are recognised as duplicates.
        CompletableFuture.allOf(sent).get(brokerTimeoutMs, TimeUnit.MILLISECONDS);
        return batch.size();
    }
}
