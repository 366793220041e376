package io.objectledger.lifecycle.eventstore;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.NoArgGenerator;
import org.axonframework.common.IdentifierFactory;

/**
 * Axon's message identifiers as time-ordered UUIDs (version 7: milliseconds since the epoch,
 * then random bits, counted up within a millisecond), found by Axon through
 * {@code META-INF/services}. Axon's default, a random UUID per message, draws on the JVM's
 * SecureRandom (SHA-1 mixing under a lock in {@code NativePRNG}) for every command, event and
 * result; this draws randomness once per millisecond. The event store keeps every event's
 * identifier in a unique index: ids in time order are appended at its end instead of touching a
 * random page of it per event.
 */
public final class TimeOrderedIdentifierFactory extends IdentifierFactory {

    private final NoArgGenerator uuids = Generators.timeBasedEpochGenerator();

    @Override
    public String generateIdentifier() {
        return uuids.generate().toString();
    }
}
