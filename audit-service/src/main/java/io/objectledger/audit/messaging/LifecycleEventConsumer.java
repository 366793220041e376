package io.objectledger.audit.messaging;

import io.cloudevents.CloudEvent;
import io.objectledger.audit.query.AuditTrail;
import io.objectledger.support.events.LifecycleEventIntake;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.objectledger.audit.config.AuditStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletionStage;

@ApplicationScoped
public class LifecycleEventConsumer {

    @Inject
    AuditTrail trail;

    @Inject
    AuditStore store;

    @Incoming("lifecycle-events")
    public CompletionStage<Void> consume(Message<CloudEvent> message) {
        return LifecycleEventIntake.handle(message, event -> {
            try (Connection connection = store.dataSource().getConnection()) {
                trail.append(connection, event);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
