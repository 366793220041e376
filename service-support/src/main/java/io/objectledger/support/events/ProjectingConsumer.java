package io.objectledger.support.events;

import io.objectledger.support.consumer.BatchHandler;
import io.objectledger.support.db.MigratedStore;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.sql.SQLException;
import java.util.List;

/**
 * Writes each batch from the lifecycle-events topic into the service's projection in one
 * transaction. A service extends it as an {@code @ApplicationScoped} bean and produces exactly
 * one {@link LifecycleEventBatch.Projection}; it is not one itself, because services without a
 * projection share this library.
 */
public abstract class ProjectingConsumer implements BatchHandler {

    @Inject
    LifecycleEventBatch.Projection projection;

    @Inject
    MigratedStore store;

    @Override
    public int handle(List<ConsumerRecord<String, byte[]>> batch) throws SQLException {
        LifecycleEventBatch.applyInOneTransaction(store.dataSource(), batch, projection);
        return batch.size();
    }
}
