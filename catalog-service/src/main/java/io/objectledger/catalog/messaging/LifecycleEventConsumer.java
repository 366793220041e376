package io.objectledger.catalog.messaging;

import io.cloudevents.CloudEvent;
import io.objectledger.catalog.query.CatalogProjection;
import io.objectledger.support.events.LifecycleEventIntake;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.objectledger.catalog.config.CatalogStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletionStage;

@ApplicationScoped
public class LifecycleEventConsumer {

    @Inject
    CatalogProjection projection;

    @Inject
    CatalogStore store;

    @Incoming("lifecycle-events")
    public CompletionStage<Void> consume(Message<CloudEvent> message) {
        return LifecycleEventIntake.handle(message, event -> {
            try (Connection connection = store.dataSource().getConnection()) {
                projection.apply(connection, event);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
