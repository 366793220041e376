package io.objectledger.audit.query;

import io.objectledger.events.object.Sha256;

import java.nio.charset.StandardCharsets;

/**
 * How an audit entry is linked to the one before it in its object's history: the SHA-256 of
 * the previous entry's hash and of the entry's own recorded fields. The payload is hashed
 * exactly as stored and the times as the ISO-8601 instants the table returns, so anyone holding
 * the table can recompute every link. Each entry names the format its hash was made with, so an
 * entry keeps verifying under its own formula when a later format covers more.
 */
public final class HashChain {

    /** The "previous hash" of an object's first entry. */
    public static final String GENESIS = "0".repeat(64);
    /** Event id, object id, position, type and payload, one per line. */
    public static final int EVENT_ONLY = 1;
    /**
     * Also who acted and when, as the history returns them: event name, event and received
     * times, principal, bucket owner, source address, request id and gateway id. Not the time the
     * trail stored the entry, so that the same events give the same chain in every database that
     * records them. Each field is its length in UTF-8 bytes, a colon, the value and a line break,
     * so that no character inside one (a line break in a principal id) can move text into its
     * neighbour and keep the hash.
     */
    public static final int WITH_ACTORS = 2;
    /** The format new entries are hashed with. */
    public static final int CURRENT = WITH_ACTORS;

    private HashChain() {
    }

    static boolean known(int format) {
        return format == EVENT_ONLY || format == WITH_ACTORS;
    }

    static String link(String previousHash, EntryFields entry) {
        return switch (entry.format()) {
            case EVENT_ONLY -> link(previousHash, entry.eventId(), entry.objectId(), entry.sequence(),
                    entry.eventType(), entry.payload());
            case WITH_ACTORS -> Sha256.hex(fields(previousHash, entry.eventId(), entry.objectId(),
                    Long.toString(entry.sequence()), entry.eventType(), entry.eventName(), entry.eventTime().toString(),
                    entry.receivedAt().toString(), entry.principalId(),
                    entry.ownerId(), entry.sourceIp(), entry.requestId(), entry.gatewayId(), entry.payload()));
            default -> throw new IllegalArgumentException("no hash format " + entry.format());
        };
    }

    /** The first format's link, kept as it was: entries hashed with it must keep verifying. */
    public static String link(String previousHash, String eventId, String objectId, long sequence, String eventType,
                              String payload) {
        return Sha256.hex(previousHash + "\n" + eventId + "\n" + objectId + "\n" + sequence + "\n" + eventType
                + "\n" + payload);
    }

    private static String fields(String... values) {
        StringBuilder joined = new StringBuilder();
        for (String value : values) {
            joined.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value).append('\n');
        }
        return joined.toString();
    }
}
