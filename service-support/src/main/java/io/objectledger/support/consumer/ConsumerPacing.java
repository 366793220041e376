package io.objectledger.support.consumer;

import java.time.Duration;

/**
 * The timings of a consumer loop.
 *
 * @param pollTimeout    how long one poll waits for records before the loop commits what is done
 * @param firstBackoff   the pause after a failed batch, doubled after each further failure
 * @param maxBackoff     the longest such pause
 * @param commitInterval offsets are committed at most this often while records keep coming (at
 *                       once when the topic goes quiet, and before partitions move away), because
 *                       each commit is a write on the broker; a crash re-delivers what was done
 *                       since the last commit, which every handler recognises
 */
public record ConsumerPacing(Duration pollTimeout, Duration firstBackoff, Duration maxBackoff,
                             Duration commitInterval) {

    public static final int DEFAULT_POLL_TIMEOUT_MS = 500;
    public static final int DEFAULT_FIRST_BACKOFF_MS = 200;
    public static final int DEFAULT_MAX_BACKOFF_MS = 5_000;
    public static final int DEFAULT_COMMIT_INTERVAL_MS = 250;

    public static final ConsumerPacing DEFAULTS = ofMillis(DEFAULT_POLL_TIMEOUT_MS, DEFAULT_FIRST_BACKOFF_MS,
            DEFAULT_MAX_BACKOFF_MS, DEFAULT_COMMIT_INTERVAL_MS);

    public static ConsumerPacing ofMillis(long pollTimeout, long firstBackoff, long maxBackoff, long commitInterval) {
        return new ConsumerPacing(Duration.ofMillis(pollTimeout), Duration.ofMillis(firstBackoff),
                Duration.ofMillis(maxBackoff), Duration.ofMillis(commitInterval));
    }

    /** The pause after the next failure: twice this one, at most {@link #maxBackoff()}. */
    Duration backoffAfter(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
    }
}
