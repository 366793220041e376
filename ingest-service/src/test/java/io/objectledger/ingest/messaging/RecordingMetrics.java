package io.objectledger.ingest.messaging;

import io.objectledger.ingest.metrics.IngestMetrics;

import java.util.ArrayList;
import java.util.List;

/** The ingest counters as a list of what was counted, e.g. {@code "accepted kafka ObjectCreated:Put"}. */
final class RecordingMetrics extends IngestMetrics {

    final List<String> counted = new ArrayList<>();

    @Override
    public void received(String source) {
        counted.add("received " + source);
    }

    @Override
    public void accepted(String source, String eventName) {
        counted.add("accepted " + source + " " + eventName);
    }

    @Override
    public void ignored(String source, String eventName) {
        counted.add("ignored " + source + " " + eventName);
    }

    @Override
    public void deadLettered(String source, String reason) {
        counted.add("dead-lettered " + source + " " + reason);
    }

    @Override
    public void refused(String reason) {
        counted.add("refused " + reason);
    }
}
