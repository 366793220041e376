package io.objectledger.audit.tree;

import io.objectledger.audit.query.EntryRows;
import io.objectledger.audit.query.Leaves;
import io.objectledger.audit.query.StoredEntry;
import io.objectledger.events.trail.CompactRange;
import io.objectledger.events.trail.MerkleHashes;
import io.objectledger.events.trail.SignedCheckpoint;
import io.objectledger.support.db.StoreUnavailableException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Verifies a range of the trail against signed checkpoints: each entry of the range is encoded
 * again from its stored fields, and the tree's root at each checkpoint's size is recomputed from
 * those leaves and, outside the range, from the stored tree. A root equal to the signed one
 * proves the range unchanged (a different entry would need a SHA-256 collision); the first
 * position that fails is named.
 */
public final class TrailVerification {

    private static final Logger LOG = Logger.getLogger(TrailVerification.class.getName());
    private static final int PAGE = 10_000;
    private static final String ENTRIES = "SELECT " + EntryRows.COLUMNS + " FROM audit_entry "
            + "WHERE position >= ? AND position <= ? ORDER BY position LIMIT " + PAGE;

    private final DataSource dataSource;

    public TrailVerification(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @param checkpoints signed checkpoints whose signatures the caller has verified, smallest
     *                    first, the last at least {@code to}
     */
    public RangeVerification verify(long from, long to, List<SignedCheckpoint> checkpoints) {
        long started = System.nanoTime();
        Run run = new Run(from, to, checkpoints);
        try (Connection connection = dataSource.getConnection()) {
            RangeVerification result = run.against(connection);
            double seconds = (System.nanoTime() - started) / 1e9;
            List<Long> given = checkpoints.stream().map(checkpoint -> checkpoint.checkpoint().treeSize()).toList();
            LOG.info(() -> String.format(Locale.ROOT, "Verified audit-trail positions %d to %d against the checkpoints "
                            + "of sizes %s in %.1f s (%.0f entries/s): %s", from, to, given, seconds,
                    result.entriesChecked() / Math.max(seconds, 1e-3),
                    result.verified() ? "intact" : "FAILS at position " + result.firstFailingPosition() + ": "
                            + result.reason()));
            return result;
        } catch (SQLException e) {
            throw new StoreUnavailableException("Cannot verify the audit trail: " + e.getMessage(), e);
        }
    }

    /** One verification's state: the range's leaves streamed into a compact range, checkpoint by checkpoint. */
    private static final class Run {
        private final long from;
        private final long to;
        private final List<SignedCheckpoint> checkpoints;
        private final List<Long> sizes = new ArrayList<>();
        private final long treeSize;
        private int next;
        private long checked;
        private long verifiedSize;

        Run(long from, long to, List<SignedCheckpoint> checkpoints) {
            this.from = from;
            this.to = to;
            this.checkpoints = checkpoints;
            this.treeSize = checkpoints.get(checkpoints.size() - 1).checkpoint().treeSize();
        }

        RangeVerification against(Connection connection) throws SQLException {
            StoredTree tree = new StoredTree(connection);
            while (next < checkpoints.size() && size(next) < from) {
                next++;
            }
            CompactRange range;
            try {
                range = CompactRange.prefix(tree, from - 1);
            } catch (MissingTreeNodeException missing) {
                return failed(missing.firstAffectedPosition(), "the tree before the range is incomplete: "
                        + missing.getMessage());
            }
            long expected = from;
            while (expected <= to) {
                List<StoredEntry> page = page(connection, expected);
                if (page.isEmpty()) {
                    return failed(expected, "position " + expected + " is missing: the stored trail ends at "
                            + (expected - 1));
                }
                for (StoredEntry entry : page) {
                    if (entry.position() != expected) {
                        return failed(expected, "position " + expected + " is missing: the next stored entry is at "
                                + entry.position());
                    }
                    byte[] leaf = Leaves.of(entry).leafHash();
                    if (!MerkleHashes.hex(leaf).equals(entry.leafHash())) {
                        return failed(expected, "the entry at position " + expected + " (event " + entry.eventId()
                                + ") no longer matches the leaf recorded for it: a field, its payload or its "
                                + "position was changed");
                    }
                    range.append(leaf);
                    checked++;
                    expected++;
                    RangeVerification mismatch = compareCheckpointsAt(range);
                    if (mismatch != null) {
                        return mismatch;
                    }
                }
            }
            while (next < checkpoints.size()) {
                try {
                    CompactRange.appendRange(range, tree, size(next));
                } catch (MissingTreeNodeException missing) {
                    return failed(missing.firstAffectedPosition(), "the tree after the range is incomplete: "
                            + missing.getMessage());
                }
                RangeVerification mismatch = compareCheckpointsAt(range);
                if (mismatch != null) {
                    return mismatch;
                }
            }
            return new RangeVerification(true, from, to, treeSize, checked, verifiedSize, null,
                    "every entry from " + from + " to " + to + " is as recorded and the tree has the signed root at "
                            + "every checkpoint size " + sizes, List.copyOf(sizes));
        }

        private RangeVerification compareCheckpointsAt(CompactRange range) {
            while (next < checkpoints.size() && size(next) == range.size()) {
                SignedCheckpoint checkpoint = checkpoints.get(next++);
                sizes.add(checkpoint.checkpoint().treeSize());
                if (!Arrays.equals(range.root(), checkpoint.checkpoint().rootHash())) {
                    long first = Math.max(verifiedSize, from - 1) + 1;
                    return failed(first, "the entries after position " + (first - 1) + " no longer hash to the "
                            + "root signed at size " + checkpoint.checkpoint().treeSize() + ": they were rewritten "
                            + "with recomputed hashes (which of them the signature alone cannot tell)");
                }
                verifiedSize = checkpoint.checkpoint().treeSize();
            }
            return null;
        }

        private long size(int index) {
            return checkpoints.get(index).checkpoint().treeSize();
        }

        private RangeVerification failed(long position, String reason) {
            return new RangeVerification(false, from, to, treeSize, checked, verifiedSize, position, reason,
                    List.copyOf(sizes));
        }

        private List<StoredEntry> page(Connection connection, long first) throws SQLException {
            try (PreparedStatement query = connection.prepareStatement(ENTRIES)) {
                query.setLong(1, first);
                query.setLong(2, to);
                List<StoredEntry> entries = new ArrayList<>(PAGE);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        entries.add(EntryRows.read(rows));
                    }
                }
                return entries;
            }
        }
    }
}
