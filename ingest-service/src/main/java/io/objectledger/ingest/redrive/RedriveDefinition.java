package io.objectledger.ingest.redrive;

import java.time.Instant;

/** What an operator asked for: the dead letters of one topic that pass a filter, back to their topic. */
public record RedriveDefinition(String id, String deadLetterTopic, String targetTopic, DeadLetterFilter filter,
                                Instant requestedAt) {
}
