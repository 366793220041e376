package io.objectledger.audit.query;

import io.objectledger.events.object.Sha256;

/**
 * How an audit entry is linked to the one before it in its object's history: the SHA-256 of
 * the previous entry's hash and of the entry's own recorded fields, one per line. The payload is
 * hashed exactly as stored, so anyone holding the table can recompute every link.
 */
public final class HashChain {

    /** The "previous hash" of an object's first entry. */
    public static final String GENESIS = "0".repeat(64);

    private HashChain() {
    }

    public static String link(String previousHash, String eventId, String objectId, long sequence, String eventType,
                              String payload) {
        return Sha256.hex(previousHash + "\n" + eventId + "\n" + objectId + "\n" + sequence + "\n" + eventType
                + "\n" + payload);
    }
}
