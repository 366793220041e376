package io.objectledger.lifecycle.eventstore;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.time.Instant;

/**
 * Tracking tokens as the storage engine underneath creates them, for the classes that wrap it: a
 * token is a position in the store, whoever reads from it.
 */
abstract class StorageEngineTokens {

    private final EventStorageEngine tokens;

    StorageEngineTokens(EventStorageEngine tokens) {
        this.tokens = tokens;
    }

    public TrackingToken createTailToken() {
        return tokens.createTailToken();
    }

    public TrackingToken createHeadToken() {
        return tokens.createHeadToken();
    }

    public TrackingToken createTokenAt(Instant dateTime) {
        return tokens.createTokenAt(dateTime);
    }
}
