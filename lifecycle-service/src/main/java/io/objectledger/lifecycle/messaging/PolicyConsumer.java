package io.objectledger.lifecycle.messaging;

import io.objectledger.lifecycle.policy.PolicyEnforcer;
import io.objectledger.support.consumer.BatchHandler;
import io.objectledger.support.events.LifecycleEventBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * Applies the policies to objects as their creation is published. It reads the lifecycle-events
 * topic rather than running inside the event store's processor, so each S3 outcome is committed
 * as its own event, a failure included, while other partitions go on. Events the enforcer has no
 * use for (with no rules and no enrichment, all but retention ends) are passed over by their
 * {@code ce_type} header, undecoded: this consumer reads every event the ledger publishes.
 */
@ApplicationScoped
public class PolicyConsumer implements BatchHandler {

    private static final Logger LOG = Logger.getLogger(PolicyConsumer.class.getName());
    private static final String TYPE_HEADER = "ce_type";

    @Inject
    PolicyEnforcer enforcer;

    /** S3 calls retry with back-off; past this the batch's rest is fetched again, so the consumer polls in time. */
    @Inject
    @ConfigProperty(name = "ledger.policy-consumer.batch-seconds", defaultValue = "60")
    long batchSeconds;

    @Override
    public String consumerName() {
        return "policy-consumer";
    }

    @Override
    public int handle(List<ConsumerRecord<String, byte[]>> batch) {
        long deadline = System.nanoTime() + Duration.ofSeconds(batchSeconds).toNanos();
        for (int i = 0; i < batch.size(); i++) {
            if (i > 0 && System.nanoTime() - deadline > 0) {
                return i;
            }
            ConsumerRecord<String, byte[]> record = batch.get(i);
            if (!enforcer.concerns(type(record))) {
                continue;
            }
            try {
                LifecycleEventBatch.decode(record).ifPresent(enforcer::enforce);
            } catch (RuntimeException e) {
                if (i == 0) {
                    throw e;
                }
                // Keep what is done; this record leads the next batch, which fails (and backs off) if it fails again.
                LOG.warning(() -> "Applying the policy to " + record.topic() + "-" + record.partition() + "@"
                        + record.offset() + " failed, it comes again: " + e);
                return i;
            }
        }
        return batch.size();
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(TYPE_HEADER);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
