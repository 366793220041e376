package io.objectledger.catalog.messaging;

import io.objectledger.support.events.ProjectingConsumer;
import jakarta.enterprise.context.ApplicationScoped;

/** Writes each batch from the lifecycle-events topic into the catalog in one transaction. */
@ApplicationScoped
public class LifecycleEventConsumer extends ProjectingConsumer {
}
