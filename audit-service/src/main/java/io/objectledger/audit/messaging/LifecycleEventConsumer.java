package io.objectledger.audit.messaging;

import io.objectledger.support.events.ProjectingConsumer;
import jakarta.enterprise.context.ApplicationScoped;

/** Writes each batch from the lifecycle-events topic into the audit trail in one transaction. */
@ApplicationScoped
public class LifecycleEventConsumer extends ProjectingConsumer {
}
