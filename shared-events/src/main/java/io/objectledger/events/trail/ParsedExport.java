package io.objectledger.events.trail;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * An export's lines, read ahead in batches and parsed and hashed on every core, handed back in
 * the export's order: parsing a line and hashing its entry cost several times what reading it
 * does, so one thread alone would leave the other cores idle. A few batches are in flight at a
 * time, so memory stays bounded whatever the export's size.
 */
final class ParsedExport implements AutoCloseable {

    /** One line: its entry and recomputed leaf, or why it is not an entry. */
    record Parsed(ExportLine line, byte[] leaf, IllegalArgumentException unreadable) {
    }

    private static final int BATCH = 256;

    private final BufferedReader export;
    private final ExecutorService workers;
    private final int inFlight;
    private final Deque<Future<List<Parsed>>> ahead = new ArrayDeque<>();
    private Iterator<Parsed> current = Collections.emptyIterator();
    private boolean exhausted;

    ParsedExport(BufferedReader export) {
        int cores = Runtime.getRuntime().availableProcessors();
        this.export = export;
        this.inFlight = 2 * cores;
        this.workers = Executors.newFixedThreadPool(cores, runnable -> {
            Thread thread = new Thread(runnable, "trail-verifier");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The next line, or null after the last. */
    Parsed next() throws IOException {
        while (!current.hasNext()) {
            readAhead();
            if (ahead.isEmpty()) {
                return null;
            }
            current = await(ahead.poll()).iterator();
        }
        return current.next();
    }

    /** How many lines are left, without parsing those not read yet. */
    long remaining() throws IOException {
        long count = 0;
        while (current.hasNext()) {
            current.next();
            count++;
        }
        while (!ahead.isEmpty()) {
            count += await(ahead.poll()).size();
        }
        while (nextLine() != null) {
            count++;
        }
        return count;
    }

    private void readAhead() throws IOException {
        while (!exhausted && ahead.size() < inFlight) {
            List<String> lines = new ArrayList<>(BATCH);
            String line;
            while (lines.size() < BATCH && (line = nextLine()) != null) {
                lines.add(line);
            }
            if (lines.size() < BATCH) {
                exhausted = true;
            }
            if (!lines.isEmpty()) {
                ahead.add(workers.submit(() -> parse(lines)));
            }
        }
    }

    private static List<Parsed> parse(List<String> lines) {
        List<Parsed> parsed = new ArrayList<>(lines.size());
        for (String line : lines) {
            try {
                ExportLine entry = ExportLine.parse(line);
                parsed.add(new Parsed(entry, entry.entry().leafHash(), null));
            } catch (IllegalArgumentException e) {
                parsed.add(new Parsed(null, null, e));
            }
        }
        return parsed;
    }

    private static List<Parsed> await(Future<List<Parsed>> batch) throws IOException {
        try {
            return batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while verifying", e);
        } catch (ExecutionException e) {
            throw new IOException("a line could not be checked: " + e.getCause(), e.getCause());
        }
    }

    private String nextLine() throws IOException {
        String line = export.readLine();
        while (line != null && line.isBlank()) {
            line = export.readLine();
        }
        return line;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
