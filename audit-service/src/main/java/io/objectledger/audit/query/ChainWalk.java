package io.objectledger.audit.query;

import io.objectledger.events.object.ObjectIdentity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Walks an object's entries in history order, recomputing each link of the hash chain. */
final class ChainWalk {

    private ChainWalk() {
    }

    static Optional<ChainVerification> over(ObjectIdentity object, ResultSet rows) throws SQLException {
        int entries = 0;
        String expectedPrevious = HashChain.GENESIS;
        Long broken = null;
        String problem = null;
        List<Long> gaps = new ArrayList<>();
        long nextSequence = 0;
        while (rows.next()) {
            entries++;
            long sequence = rows.getLong("sequence");
            for (long missing = nextSequence; missing < sequence; missing++) {
                gaps.add(missing);
            }
            nextSequence = sequence + 1;
            String previous = rows.getString("previous_hash");
            String stored = rows.getString("entry_hash");
            if (stored == null) {
                continue; // recorded before the hash_chain migration; the chain starts after it
            }
            String recomputed = HashChain.link(previous, rows.getString("event_id"), rows.getString("object_id"),
                    sequence, rows.getString("event_type"), rows.getString("payload"));
            if (broken == null && !previous.equals(expectedPrevious)) {
                broken = sequence;
                problem = "its previous hash is not the hash of the entry before it: an entry before it was"
                        + " removed or changed";
            } else if (broken == null && !recomputed.equals(stored)) {
                broken = sequence;
                problem = "its recorded fields do not hash to its stored hash: the entry was changed";
            }
            expectedPrevious = stored;
        }
        if (entries == 0) {
            return Optional.empty();
        }
        return Optional.of(new ChainVerification(object.bucket(), object.key(), entries, broken == null,
                expectedPrevious, broken, problem, gaps));
    }
}
