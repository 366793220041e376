package io.objectledger.bench.generate;

import java.time.Instant;

/**
 * What the generator makes: {@code notifications} in all, over {@code objects} objects, of which
 * a share are re-deliveries of an earlier change, and a share of objects whose notifications
 * arrive shuffled instead of in gateway order.
 *
 * @param keyPrefix keeps the objects of two runs against one stack apart
 */
public record LoadMix(int notifications, int objects, double duplicateShare, double reorderShare, long seed,
                      String keyPrefix, Instant start) {

    public LoadMix {
        if (objects < 1 || notifications < objects) {
            throw new IllegalArgumentException("need at least one notification per object: " + notifications
                    + " notifications over " + objects + " objects");
        }
        if (duplicateShare < 0 || duplicateShare >= 1 || reorderShare < 0 || reorderShare > 1) {
            throw new IllegalArgumentException("shares are fractions: duplicates " + duplicateShare
                    + ", reordered " + reorderShare);
        }
        if (notifications - Math.round(notifications * duplicateShare) < objects) {
            throw new IllegalArgumentException("too many duplicates for one change per object");
        }
    }

    public int duplicates() {
        return (int) Math.round(notifications * duplicateShare);
    }

    public int distinctChanges() {
        return notifications - duplicates();
    }
}
