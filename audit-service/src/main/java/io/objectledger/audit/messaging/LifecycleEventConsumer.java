package io.objectledger.audit.messaging;

import io.objectledger.audit.config.AuditStore;
import io.objectledger.audit.query.AuditTrail;
import io.objectledger.support.consumer.BatchHandler;
import io.objectledger.support.events.LifecycleEventBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.sql.SQLException;
import java.util.List;

/** Writes each batch from the lifecycle-events topic into the audit trail in one transaction. */
@ApplicationScoped
public class LifecycleEventConsumer implements BatchHandler {

    @Inject
    AuditTrail trail;

    @Inject
    AuditStore store;

    @Override
    public int handle(List<ConsumerRecord<String, byte[]>> batch) throws SQLException {
        LifecycleEventBatch.applyInOneTransaction(store.dataSource(), batch, trail::append);
        return batch.size();
    }
}
