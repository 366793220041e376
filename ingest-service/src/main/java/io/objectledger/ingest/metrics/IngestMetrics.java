package io.objectledger.ingest.metrics;

import io.objectledger.support.metrics.TaggedCounters;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
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

    private TaggedCounters received;
    private TaggedCounters accepted;
    private TaggedCounters ignored;
    private TaggedCounters deadLettered;
    private TaggedCounters refused;

    @PostConstruct
    void register() {
        received = new TaggedCounters(registry, "ledger.ingest.received", "source");
        accepted = new TaggedCounters(registry, "ledger.ingest.accepted", "source", "event");
        ignored = new TaggedCounters(registry, "ledger.ingest.ignored", "source", "event");
        deadLettered = new TaggedCounters(registry, "ledger.ingest.dead.lettered", "source", "reason");
        refused = new TaggedCounters(registry, "ledger.ingest.refused", "reason");
    }

    public void received(String source) {
        received.inc(source);
    }

    public void accepted(String source, String eventName) {
        accepted.inc(source, eventName);
    }

    public void ignored(String source, String eventName) {
        ignored.inc(source, eventName);
    }

    public void deadLettered(String source, String reason) {
        deadLettered.inc(source, reason);
    }

    /** HTTP pushes answered 401, 413, 503 ...: the caller was told, nothing was stored. */
    public void refused(String reason) {
        refused.inc(reason);
    }
}
