package io.objectledger.ingest.rest;

import io.objectledger.ingest.redrive.Redrive;
import io.objectledger.ingest.redrive.RedriveProgress;

import java.time.Instant;

/**
 * A re-drive as the operator sees it. {@code remaining} counts the dead-letter offsets still to
 * scan; {@code estimatedSecondsLeft} is null until there is a rate to go by.
 */
public record RedriveView(String id, String deadLetterTopic, String targetTopic, String reason, String from,
                          String to, String state, long scanned, long matched, long republished, long remaining,
                          double ratePerSecond, Long estimatedSecondsLeft, String requestedAt, String updatedAt,
                          String owner, String failure) {

    static RedriveView of(Redrive redrive, Instant now) {
        var definition = redrive.definition();
        RedriveProgress progress = redrive.progress();
        return new RedriveView(definition.id(), definition.deadLetterTopic(), definition.targetTopic(),
                definition.filter().reason(), text(definition.filter().from()), text(definition.filter().to()),
                progress.state().label(), progress.scanned(), progress.matched(), progress.republished(),
                progress.remaining(), Math.round(progress.ratePerSecond(now) * 10) / 10.0,
                progress.estimatedSecondsLeft(now), text(definition.requestedAt()), text(progress.updatedAt()),
                progress.owner(), progress.failure());
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
