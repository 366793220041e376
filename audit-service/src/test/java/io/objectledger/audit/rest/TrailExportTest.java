package io.objectledger.audit.rest;

import io.objectledger.audit.query.AuditEntry;
import io.objectledger.audit.query.AuditProjection;
import io.objectledger.audit.query.TrailFilter;
import io.objectledger.audit.query.TrailSearch;
import io.objectledger.events.lifecycle.ObjectCreated;
import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;
import io.objectledger.support.db.SchemaMigration;
import io.objectledger.support.events.ReceivedLifecycleEvent;
import io.objectledger.support.security.TenantScope;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Both export formats hold exactly the query's entries, field for field, in the trail's order. */
class TrailExportTest {

    private static final TrailFilter EVERYTHING = new TrailFilter(null, null, null, Set.of(), null, null, null, null,
            null, null, new TenantScope(Set.of(TenantScope.ALL_TENANTS)));

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private TrailSearch search;
    private List<AuditEntry> query;

    @BeforeEach
    void threeObjectsWithAwkwardKeysAndMetadata() throws SQLException {
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        SchemaMigration.migrate(dataSource, AuditProjection.class);
        search = new TrailSearch(dataSource);
        try (Connection connection = dataSource.getConnection()) {
            new AuditProjection().apply(connection, List.of(
                    put("records", "plain.txt", Map.of()),
                    put("records", "with, comma \"and quotes\"\nand a line break.txt", Map.of("note", "a,b\"c")),
                    put("t1:records", "ü/ñ.pdf", Map.of("owner", "zoë"))));
        }
        query = search.page(EVERYTHING, 0, 100);
    }

    @Test
    void ndjsonLinesAreTheQuerysEntries() throws IOException {
        String[] lines = export(TrailExport.NDJSON).split("\n");

        assertThat(lines).hasSize(3);
        for (int i = 0; i < lines.length; i++) {
            JsonObject line = json(lines[i]);
            AuditEntry entry = query.get(i);
            assertThat(line.getJsonNumber("position").longValue()).isEqualTo(entry.position());
            assertThat(line.getString("key")).isEqualTo(entry.key());
            assertThat(line.getString("bucket")).isEqualTo(entry.bucket());
            assertThat(line.getString("eventTime")).isEqualTo(entry.eventTime().toString());
            assertThat(line.getString("previousHash")).isEqualTo(entry.previousHash());
            assertThat(line.getString("entryHash")).isEqualTo(entry.entryHash());
            assertThat(line.getInt("hashFormat")).isEqualTo(entry.hashFormat());
            assertThat(line.getString("leafHash")).isEqualTo(entry.leafHash()).hasSize(64);
            assertThat(line.getString("payloadSalt")).isEqualTo(entry.payloadSalt()).hasSize(32);
            assertThat(line.getJsonObject("event")).isEqualTo(entry.event());
        }
    }

    @Test
    void anExportAfterAPositionResumesWithTheNextEntry() throws IOException {
        String all = export(TrailExport.NDJSON, 0);
        String first = all.substring(0, all.indexOf('\n') + 1);

        String rest = export(TrailExport.NDJSON, query.get(0).position());

        assertThat(first + rest).isEqualTo(all);
        assertThat(rest.split("\n")).hasSize(2);
    }

    @Test
    void csvRowsAreTheQuerysEntries() throws IOException {
        String csv = export(TrailExport.CSV);

        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertThat(csv).startsWith(String.join(",", TrailExport.CSV_HEADER) + "\r\n");
        assertThat(rows).hasSize(3);
        for (int i = 0; i < rows.size(); i++) {
            AuditEntry entry = query.get(i);
            assertThat(rows.get(i).get("position")).isEqualTo(Long.toString(entry.position()));
            assertThat(rows.get(i).get("key")).isEqualTo(entry.key());
            assertThat(rows.get(i).get("entryHash")).isEqualTo(entry.entryHash());
            assertThat(json(rows.get(i).get("event"))).isEqualTo(entry.event());
        }
    }

    private String export(TrailExport format) throws IOException {
        return export(format, 0);
    }

    private String export(TrailExport format, long after) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.of(search, EVERYTHING, after, "test").write(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static ReceivedLifecycleEvent put(String bucket, String key, Map<String, String> metadata) {
        ObjectIdentity object = new ObjectIdentity(bucket, key);
        Instant at = Instant.parse("2026-12-07T10:00:00.123456Z");
        ChangeContext change = new ChangeContext(UUID.randomUUID().toString(), "ObjectCreated:Put", at,
                at.plusMillis(5), "", "lab", "lab", "", "req-" + key, "gateway", "cap", "");
        return new ReceivedLifecycleEvent(UUID.randomUUID().toString(), "io.objectledger.object.created.v1", 0,
                new ObjectCreated(object, new ObjectFacts(3, "e", "", metadata, Map.of()), change, null));
    }
}
