package io.objectledger.lifecycle.messaging;

import io.cloudevents.CloudEvent;
import io.objectledger.lifecycle.policy.PolicyEnforcer;
import io.objectledger.support.events.LifecycleEventIntake;
import io.objectledger.support.messaging.Acknowledgements;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/**
 * Applies the policies to objects as their creation is published. It reads the lifecycle-events
 * topic rather than running inside the event store's processor, so each S3 outcome is committed
 * as its own event, a failure included, while other partitions go on.
 */
@ApplicationScoped
public class PolicyConsumer {

    @Inject
    PolicyEnforcer enforcer;

    @Incoming("policy-events")
    public CompletionStage<Void> consume(Message<CloudEvent> message) {
        if (!enforcer.concerns(message.getPayload().getType())) {
            return Acknowledgements.ack(message);
        }
        return LifecycleEventIntake.handle(message, enforcer::enforce);
    }
}
