package io.objectledger.support.consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;

/**
 * What a service does with a batch of records from its topic. It returns only when the
 * effect of the records it reports done is durable (stored, or on the broker), because their
 * offsets are committed next. It may be given the same records again after a crash or a
 * failure, so it must be idempotent. Throwing means "nothing durable": the whole batch comes
 * again.
 */
@FunctionalInterface
public interface BatchHandler {

    /**
     * Returns how many of the batch's records, from the first, are done; the loop commits those
     * and fetches the rest again at once. A handler whose records may take long (S3 calls with
     * back-off) stops early, so the loop polls before the broker thinks it hung.
     */
    int handle(List<ConsumerRecord<String, byte[]>> batch) throws Exception;

    /**
     * The name under which its settings are read: {@code ledger.<name>.group}, {@code .topics}
     * and {@code .max-batch}. A service with two consumers gives the second its own name.
     */
    default String consumerName() {
        return "consumer";
    }
}
