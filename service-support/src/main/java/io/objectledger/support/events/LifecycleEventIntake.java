package io.objectledger.support.events;

import io.cloudevents.CloudEvent;
import io.objectledger.support.retry.Retry;
import io.objectledger.support.messaging.Acknowledgements;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * How a reactive-messaging subscriber (the policy enforcer) takes a message from the
 * lifecycle-events topic: decode, hand it over, retry until that succeeds, and only then
 * acknowledge, so that a crash at any point re-delivers rather than loses. The catalog and the
 * audit trail take whole batches instead ({@link LifecycleEventBatch}).
 */
public final class LifecycleEventIntake {

    private static final Logger LOG = Logger.getLogger(LifecycleEventIntake.class.getName());

    private LifecycleEventIntake() {
    }

    public static CompletionStage<Void> handle(Message<CloudEvent> message, Consumer<ReceivedLifecycleEvent> projection) {
        CloudEvent cloudEvent = message.getPayload();
        Optional<ReceivedLifecycleEvent> received = ReceivedLifecycleEvent.from(cloudEvent);
        if (received.isEmpty()) {
            LOG.warning(() -> "Skipping lifecycle event " + cloudEvent.getId() + " of type " + cloudEvent.getType()
                    + ", which this version does not know; upgrade to project it");
            return Acknowledgements.ack(message);
        }
        return Retry.untilSuccess(() -> {
                    projection.accept(received.get());
                    return CompletableFuture.completedFuture(null);
                }, error -> LOG.warning(() -> "Could not store lifecycle event " + cloudEvent.getId()
                        + ", retrying: " + error.getMessage()))
                .thenCompose(done -> Acknowledgements.ack(message));
    }
}
