package io.objectledger.audit.rest;

import io.objectledger.audit.query.StoredEntry;
import io.objectledger.audit.query.TrailFilter;
import io.objectledger.audit.query.TrailSearch;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.ws.rs.core.StreamingOutput;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * An export of a query's entries, written as the database hands them over, so that an export of
 * millions of entries holds one page of rows in memory. NDJSON lines hold the same fields as the
 * query's entries; CSV (RFC 4180) has one column per field and the event's JSON in the last.
 */
public enum TrailExport {

    NDJSON("application/x-ndjson", "ndjson"),
    CSV("text/csv", "csv");

    static final String[] CSV_HEADER = {"position", "eventId", "bucket", "key", "objectId", "versionId", "sequence",
            "eventType", "eventName", "eventTime", "receivedAt", "recordedAt", "principalId", "ownerId", "sourceIp",
            "requestId", "gatewayId", "previousHash", "entryHash", "hashFormat", "leafHash", "payloadSalt", "event"};

    private static final Logger LOG = Logger.getLogger(TrailExport.class.getName());
    private static final JsonGeneratorFactory JSON = Json.createGeneratorFactory(Map.of());

    private final String mediaType;
    private final String extension;

    TrailExport(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    static Optional<TrailExport> named(String format) {
        for (TrailExport export : values()) {
            if (export.extension.equals(format.toLowerCase(Locale.ROOT))) {
                return Optional.of(export);
            }
        }
        return Optional.empty();
    }

    String mediaType() {
        return mediaType;
    }

    String extension() {
        return extension;
    }

    /**
     * The body: the entries past position {@code after} (0 for all), so that a transfer cut short
     * resumes after the last position it received. A failure once it has begun cannot change the
     * status, so it ends the answer early (a client sees the transfer cut short) and the log says
     * how far it got; a long export logs its progress as it goes.
     */
    StreamingOutput of(TrailSearch search, TrailFilter filter, long after, String subject) {
        return output -> {
            long started = System.nanoTime();
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 1 << 16);
            Progress progress = new Progress(subject, after, started);
            try {
                if (this == CSV) {
                    CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get());
                    search.stream(filter, after, entry -> {
                        csv.printRecord((Object[]) row(entry));
                        progress.wrote(entry.position());
                    });
                    csv.flush();
                } else {
                    search.stream(filter, after, entry -> {
                        writeLine(entry, writer);
                        progress.wrote(entry.position());
                    });
                }
                writer.flush();
            } catch (IOException | RuntimeException e) {
                LOG.warning(() -> "Export of the audit trail for " + subject + " ended after " + progress.written
                        + " entries (last position " + progress.lastPosition + "; after=" + progress.lastPosition
                        + " resumes it): " + e);
                throw e;
            }
            long[] written = {progress.written};
            double seconds = (System.nanoTime() - started) / 1e9;
            LOG.info(() -> String.format(Locale.ROOT, "Exported %d audit-trail entries as %s for %s in %.1f s (%.0f/s)",
                    written[0], extension, subject, seconds, written[0] / Math.max(seconds, 1e-3)));
        };
    }

    /** How far an export got: logged every {@link #LOG_EVERY} entries, and where it ends. */
    private static final class Progress {
        private static final long LOG_EVERY = 200_000;
        private final String subject;
        private final long started;
        private long written;
        private long lastPosition;

        Progress(String subject, long after, long started) {
            this.subject = subject;
            this.lastPosition = after;
            this.started = started;
        }

        void wrote(long position) {
            written++;
            lastPosition = position;
            if (written % LOG_EVERY == 0) {
                double seconds = (System.nanoTime() - started) / 1e9;
                LOG.info(() -> String.format(Locale.ROOT, "Exporting the audit trail for %s: %d entries so far "
                        + "(%.0f/s), up to position %d", subject, written, written / Math.max(seconds, 1e-3),
                        lastPosition));
            }
        }
    }

    /**
     * One NDJSON line: the entry's fields as the query's JSON names them, and its event as the
     * JSON text that was stored, so that no event is parsed to be written again.
     */
    private static void writeLine(StoredEntry entry, Writer writer) throws IOException {
        StringWriter fields = new StringWriter(512);
        try (JsonGenerator json = JSON.createGenerator(fields)) {
            json.writeStartObject()
                    .write("position", entry.position())
                    .write("eventId", entry.eventId())
                    .write("bucket", entry.bucket())
                    .write("key", entry.key())
                    .write("objectId", entry.objectId())
                    .write("versionId", entry.versionId())
                    .write("sequence", entry.sequence())
                    .write("eventType", entry.eventType())
                    .write("eventName", entry.eventName())
                    .write("eventTime", entry.eventTime().toString())
                    .write("receivedAt", entry.receivedAt().toString())
                    .write("recordedAt", entry.recordedAt().toString())
                    .write("principalId", entry.principalId())
                    .write("ownerId", entry.ownerId())
                    .write("sourceIp", entry.sourceIp())
                    .write("requestId", entry.requestId())
                    .write("gatewayId", entry.gatewayId())
                    .write("previousHash", entry.previousHash())
                    .write("entryHash", entry.entryHash())
                    .write("hashFormat", entry.hashFormat())
                    .write("leafHash", entry.leafHash())
                    .write("payloadSalt", entry.payloadSalt())
                    .writeEnd();
        }
        StringBuffer line = fields.getBuffer();
        line.setLength(line.length() - 1);
        writer.append(line).append(",\"event\":").append(entry.payload()).append("}\n");
    }

    private static String[] row(StoredEntry entry) {
        return new String[]{Long.toString(entry.position()), entry.eventId(), entry.bucket(), entry.key(),
                entry.objectId(), entry.versionId(), Long.toString(entry.sequence()), entry.eventType(),
                entry.eventName(), entry.eventTime().toString(), entry.receivedAt().toString(),
                entry.recordedAt().toString(), entry.principalId(), entry.ownerId(), entry.sourceIp(),
                entry.requestId(), entry.gatewayId(), entry.previousHash(), entry.entryHash(),
                Integer.toString(entry.hashFormat()), entry.leafHash(), entry.payloadSalt(), entry.payload()};
    }
}
