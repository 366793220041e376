package io.objectledger.support.messaging;

import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;
import java.util.logging.Logger;

/**
 * Acknowledging a message commits its Kafka offset, which fails while the group rebalances or
 * the broker restarts. A failed commit only means the message comes again (and is recognised as
 * a duplicate); a failed stage, though, would end the reactive-messaging channel for good, and
 * the service would silently stop consuming. So a failed acknowledgement is logged, not thrown.
 */
public final class Acknowledgements {

    private static final Logger LOG = Logger.getLogger(Acknowledgements.class.getName());

    private Acknowledgements() {
    }

    public static CompletionStage<Void> ack(Message<?> message) {
        return message.ack().exceptionally(error -> {
            LOG.warning(() -> "Could not commit a consumed offset; the message will be delivered again: " + error);
            return null;
        });
    }
}
