package io.objectledger.ingest.messaging;

import io.objectledger.events.command.ObjectCommand;

import java.util.List;

/**
 * What one notification body means: a command per record that changes an object, and the
 * event names of records that change none (e.g. an aborted multipart upload, a gateway's test
 * event).
 */
public record RoutedNotification(List<ObjectCommand> commands, List<String> ignoredEvents) {

    public int records() {
        return commands.size() + ignoredEvents.size();
    }

    /** Kafka key for the raw notification: its first object, so one object's notifications stay in order. */
    public String key() {
        return commands.isEmpty() ? null : commands.get(0).object().aggregateId();
    }
}
