package io.objectledger.catalog.messaging;

import io.cloudevents.CloudEvent;
import io.objectledger.catalog.query.CatalogProjection;
import io.objectledger.support.events.LifecycleEventIntake;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

@ApplicationScoped
public class LifecycleEventConsumer {

    @Inject
    CatalogProjection projection;

    @Incoming("lifecycle-events")
    public CompletionStage<Void> consume(Message<CloudEvent> message) {
        return LifecycleEventIntake.handle(message, projection::apply);
    }
}
