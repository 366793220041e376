package io.objectledger.ingest.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Counters an operator watches on /metrics ({@code ledger_ingest_*_total}): notifications
 * received by source, records accepted and ignored by event name, notifications dead-lettered or
 * refused by reason. Duplicates are counted where they are recognised, in lifecycle-service.
 */
@ApplicationScoped
public class IngestMetrics {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    public void received(String source) {
        registry.counter("ledger.ingest.received", new Tag("source", source)).inc();
    }

    public void accepted(String source, String eventName) {
        registry.counter("ledger.ingest.accepted", new Tag("source", source), new Tag("event", eventName)).inc();
    }

    public void ignored(String source, String eventName) {
        registry.counter("ledger.ingest.ignored", new Tag("source", source), new Tag("event", eventName)).inc();
    }

    public void deadLettered(String source, String reason) {
        registry.counter("ledger.ingest.dead.lettered", new Tag("source", source), new Tag("reason", reason)).inc();
    }

    /** HTTP pushes answered 401, 413, 503 ...: the caller was told, nothing was stored. */
    public void refused(String reason) {
        registry.counter("ledger.ingest.refused", new Tag("reason", reason)).inc();
    }
}
