package io.objectledger.catalog.messaging;

import io.objectledger.catalog.config.CatalogStore;
import io.objectledger.catalog.query.CatalogProjection;
import io.objectledger.support.consumer.BatchHandler;
import io.objectledger.support.events.LifecycleEventBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.sql.SQLException;
import java.util.List;

/** Writes each batch from the lifecycle-events topic into the catalog in one transaction. */
@ApplicationScoped
public class LifecycleEventConsumer implements BatchHandler {

    @Inject
    CatalogProjection projection;

    @Inject
    CatalogStore store;

    @Override
    public int handle(List<ConsumerRecord<String, byte[]>> batch) throws SQLException {
        LifecycleEventBatch.applyInOneTransaction(store.dataSource(), batch, projection::apply);
        return batch.size();
    }
}
