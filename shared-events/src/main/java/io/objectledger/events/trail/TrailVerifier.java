package io.objectledger.events.trail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks an NDJSON export of the trail against signed checkpoints, with nothing but the export,
 * the checkpoints and the public key: each entry's leaf is recomputed from its fields and the
 * leaves are folded into the tree's root, which must equal the signed root at every checkpoint.
 * The export is read once, line by line, in O(log n) memory for the tree and a few batches of
 * lines parsed ahead on every core ({@link ParsedExport}).
 *
 * <p>An entry whose fields no longer match its recorded leaf hash is named exactly. An export
 * rewritten together with its leaf hashes is caught by the signature instead, and then only the
 * stretch between two checkpoints can be named.
 */
public final class TrailVerifier {

    /** @throws UncheckedIOException if the export cannot be read */
    public VerificationResult verify(PublicKey key, List<SignedCheckpoint> checkpoints, BufferedReader ndjsonExport) {
        List<Checkpoint> usable = new ArrayList<>();
        List<Long> unusable = new ArrayList<>();
        for (SignedCheckpoint signed : checkpoints) {
            if (signed.verifies(key)) {
                usable.add(signed.checkpoint());
            } else {
                unusable.add(signed.checkpoint().treeSize());
            }
        }
        if (usable.isEmpty()) {
            return VerificationResult.failed(0, 0, null, checkpoints.isEmpty() ? "no checkpoint was given"
                    : notVerifying(unusable) + ", so no entry could be checked");
        }
        usable.sort(Comparator.comparingLong(Checkpoint::treeSize));
        VerificationResult result;
        try (ParsedExport export = new ParsedExport(ndjsonExport)) {
            result = walk(usable, export);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (unusable.isEmpty()) {
            return result;
        }
        return VerificationResult.failed(result.entriesChecked(), result.verifiedSize(), result.firstFailingPosition(),
                notVerifying(unusable) + "; against the others: " + result.reason());
    }

    private static VerificationResult walk(List<Checkpoint> checkpoints, ParsedExport export) throws IOException {
        long largest = checkpoints.get(checkpoints.size() - 1).treeSize();
        CompactRange range = new CompactRange();
        long verifiedSize = 0;
        int next = 0;
        while (true) {
            while (next < checkpoints.size() && checkpoints.get(next).treeSize() == range.size()) {
                Checkpoint checkpoint = checkpoints.get(next++);
                if (!MessageDigest.isEqual(range.root(), checkpoint.rootHash())) {
                    return VerificationResult.failed(range.size(), verifiedSize, verifiedSize + 1,
                            "the entries after position " + verifiedSize + " no longer hash to the root signed at size "
                                    + checkpoint.treeSize() + ": they were rewritten with recomputed hashes, and which"
                                    + " entry cannot be told from the signature alone");
                }
                verifiedSize = checkpoint.treeSize();
            }
            if (range.size() == largest) {
                return proven(largest, export.remaining());
            }
            long expected = range.size() + 1;
            ParsedExport.Parsed line = export.next();
            if (line == null) {
                return VerificationResult.failed(range.size(), verifiedSize, expected, "entries are missing: the export"
                        + " ends at position " + range.size() + ", before the checkpoint at size " + largest);
            }
            if (line.unreadable() != null) {
                return VerificationResult.failed(range.size(), verifiedSize, expected, "the line after position "
                        + range.size() + " is not an export entry: " + line.unreadable().getMessage());
            }
            ExportLine entry = line.line();
            long position = entry.entry().position();
            if (position > expected) {
                return VerificationResult.failed(range.size(), verifiedSize, expected, "position " + expected
                        + " is missing: the line after position " + range.size() + " holds position " + position);
            }
            if (position < expected) {
                return VerificationResult.failed(range.size(), verifiedSize, position, "position " + position
                        + " is out of order or repeated: it comes after position " + range.size());
            }
            byte[] leaf = line.leaf();
            if (!MessageDigest.isEqual(leaf, entry.recordedLeafHash())) {
                return VerificationResult.failed(range.size(), verifiedSize, position, "the entry at position "
                        + position + " was changed: its fields no longer match the leaf hash recorded for it");
            }
            range.append(leaf);
        }
    }

    private static VerificationResult proven(long size, long uncovered) {
        String reason = size == 0 ? "the empty trail matches the checkpoint at size 0"
                : "entries 1 to " + size + " hash to the root signed at size " + size
                + ", so none of them was altered, removed, inserted or reordered";
        if (uncovered > 0) {
            reason += "; " + uncovered + " later " + (uncovered == 1 ? "entry is" : "entries are")
                    + " not covered by any checkpoint and " + (uncovered == 1 ? "was" : "were") + " not checked";
        }
        return VerificationResult.proven(size, size, reason);
    }

    private static String notVerifying(List<Long> sizes) {
        String listed = sizes.stream().map(String::valueOf).collect(Collectors.joining(", "));
        return (sizes.size() == 1 ? "the checkpoint at size " + listed + " does not" : "the checkpoints at sizes "
                + listed + " do not") + " verify against the public key (altered, or signed with another key)";
    }

}
