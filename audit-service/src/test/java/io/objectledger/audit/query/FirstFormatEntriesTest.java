package io.objectledger.audit.query;

import io.objectledger.events.lifecycle.ObjectCreated;
import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;
import io.objectledger.support.db.SchemaMigration;
import io.objectledger.support.events.ReceivedLifecycleEvent;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Entries recorded by a build whose hash covered the event and payload only, on a database
 * migrated past them: they verify with the formula they were made with, and new entries link to
 * them with the formula that covers who acted.
 */
class FirstFormatEntriesTest {

    private static final ObjectIdentity OBJECT = new ObjectIdentity("records", "2026/contract.pdf");
    private static final ObjectFacts FACTS = new ObjectFacts(4096, "e1", "", Map.of(), Map.of());
    private static final String OLD_INSERT = """
            INSERT INTO audit_entry (event_id, object_id, bucket, object_key, sequence, event_type, event_name,
                   event_time, received_at, recorded_at, principal_id, request_id, payload, previous_hash, entry_hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private AuditQueries queries;

    @BeforeEach
    void trailRecordedBeforeTheOwnerAndSourceWere() throws SQLException {
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common").target("2").load()
                .migrate();
        String head = insertAsTheFirstFormatDid(HashChain.GENESIS, created(0, "2026-11-27T10:00:00Z"));
        insertAsTheFirstFormatDid(head, created(1, "2026-11-27T11:00:00Z"));
        SchemaMigration.migrate(dataSource, AuditProjection.class);
        queries = new AuditQueries(dataSource);
    }

    @Test
    void firstFormatEntriesVerifyAndNewEntriesLinkToThem() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            new AuditProjection().apply(connection, List.of(created(2, "2026-11-27T12:00:00Z")));
        }

        ChainVerification verification = queries.verify(OBJECT).orElseThrow();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.entries()).isEqualTo(3);
        assertThat(queries.history(OBJECT)).extracting(AuditEntry::hashFormat)
                .containsExactly(HashChain.EVENT_ONLY, HashChain.EVENT_ONLY, HashChain.WITH_ACTORS);
        assertThat(queries.history(OBJECT)).extracting(AuditEntry::ownerId).containsExactly("", "", "records-owner");
        // The migration gave the entries already stored the first positions; the new one takes the next.
        assertThat(queries.history(OBJECT)).extracting(AuditEntry::position).containsExactly(1L, 2L, 3L);
    }

    @Test
    void changedPayloadOfAFirstFormatEntryIsFound() throws SQLException {
        execute("UPDATE audit_entry SET payload = REPLACE(payload, '4096', '1') WHERE sequence = 1");

        ChainVerification verification = queries.verify(OBJECT).orElseThrow();

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSequence()).isEqualTo(1L);
        assertThat(verification.firstBrokenEventId()).isEqualTo("event-1");
    }

    /** The limit of the first format, which docs/api.md states: its entries' principal is outside the hash. */
    @Test
    void principalOfAFirstFormatEntryIsOutsideItsHash() throws SQLException {
        execute("UPDATE audit_entry SET principal_id = 'mallory' WHERE sequence = 1");

        assertThat(queries.verify(OBJECT).orElseThrow().intact()).isTrue();
    }

    private String insertAsTheFirstFormatDid(String previousHash, ReceivedLifecycleEvent received) throws SQLException {
        ChangeContext change = received.event().change();
        String hash = HashChain.link(previousHash, received.id(), OBJECT.aggregateId(), received.sequence(),
                received.type(), received.json());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(OLD_INSERT)) {
            int i = 1;
            insert.setString(i++, received.id());
            insert.setString(i++, OBJECT.aggregateId());
            insert.setString(i++, OBJECT.bucket());
            insert.setString(i++, OBJECT.key());
            insert.setLong(i++, received.sequence());
            insert.setString(i++, received.type());
            insert.setString(i++, change.eventName());
            insert.setObject(i++, change.eventTime().atOffset(ZoneOffset.UTC));
            insert.setObject(i++, change.receivedAt().atOffset(ZoneOffset.UTC));
            insert.setObject(i++, change.receivedAt().atOffset(ZoneOffset.UTC));
            insert.setString(i++, change.principalId());
            insert.setString(i++, change.requestId());
            insert.setString(i++, received.json());
            insert.setString(i++, previousHash);
            insert.setString(i, hash);
            insert.executeUpdate();
        }
        return hash;
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    private static ReceivedLifecycleEvent created(long sequence, String eventTime) {
        ChangeContext change = new ChangeContext("change-" + sequence, "ObjectCreated:Put", Instant.parse(eventTime),
                Instant.parse(eventTime).plusSeconds(1), "", "auditor", "records-owner", "", "req-" + sequence,
                "4116-default-default", "notif", "");
        return new ReceivedLifecycleEvent("event-" + sequence, "io.objectledger.object.created.v1", sequence,
                new ObjectCreated(OBJECT, FACTS, change, null));
    }
}
