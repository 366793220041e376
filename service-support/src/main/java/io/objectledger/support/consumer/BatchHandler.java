package io.objectledger.support.consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;

/**
 * What a service does with a batch of records from its topic. It returns only when every
 * record's effect is durable (stored, or on the broker), because the offsets are committed
 * next. It may be given the same records again after a crash or a failure, so it must be
 * idempotent. Throwing means "not durable": the whole batch comes again.
 */
@FunctionalInterface
public interface BatchHandler {

    void handle(List<ConsumerRecord<String, byte[]>> batch) throws Exception;
}
