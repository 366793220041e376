package io.objectledger.audit.messaging;

import io.cloudevents.CloudEvent;
import io.objectledger.audit.query.AuditTrail;
import io.objectledger.support.events.LifecycleEventIntake;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

@ApplicationScoped
public class LifecycleEventConsumer {

    @Inject
    AuditTrail trail;

    @Incoming("lifecycle-events")
    public CompletionStage<Void> consume(Message<CloudEvent> message) {
        return LifecycleEventIntake.handle(message, trail::append);
    }
}
