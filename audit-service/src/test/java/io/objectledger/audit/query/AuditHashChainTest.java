package io.objectledger.audit.query;

import io.objectledger.events.lifecycle.ObjectCreated;
import io.objectledger.events.lifecycle.ObjectRemoved;
import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;
import io.objectledger.support.db.SchemaMigration;
import io.objectledger.support.db.StoreUnavailableException;
import io.objectledger.support.events.ReceivedLifecycleEvent;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit trail's hash chain on a real (embedded) database with the service's own migrations. */
class AuditHashChainTest {

    private static final ObjectIdentity OBJECT = new ObjectIdentity("tenant:records", "2026/contract.pdf");
    private static final ObjectFacts FACTS = new ObjectFacts(4096, "e1", "", Map.of(), Map.of());

    private final AuditProjection projection = new AuditProjection();
    private JdbcDataSource dataSource;
    private AuditQueries queries;

    @BeforeEach
    void freshDatabase() {
        dataSource = freshSchema();
        queries = new AuditQueries(dataSource);
        append(created(0, "2026-11-27T10:00:00Z"), created(1, "2026-11-27T11:00:00Z"),
                removed(2, "2026-11-27T12:00:00Z"));
    }

    @Test
    void untouchedTrailVerifiesAndNamesItsHead() {
        ChainVerification verification = queries.verify(OBJECT).orElseThrow();

        assertThat(verification.intact()).isTrue();
        assertThat(verification.entries()).isEqualTo(3);
        assertThat(verification.firstBrokenSequence()).isNull();
        assertThat(verification.sequenceGaps()).isEmpty();
        assertThat(verification.headHash()).hasSize(64).isNotEqualTo(HashChain.GENESIS);
    }

    @Test
    void redeliveredEventLeavesTheChainAsItWas() {
        String head = queries.verify(OBJECT).orElseThrow().headHash();

        append(removed(2, "2026-11-27T12:00:00Z"));

        assertThat(queries.verify(OBJECT).orElseThrow().headHash()).isEqualTo(head);
    }

    @Test
    void recordsTheEventAsPublishedWithFieldsThisBuildDoesNotKnow() throws SQLException {
        ReceivedLifecycleEvent known = removed(3, "2026-11-27T13:00:00Z");
        String published = known.json().replaceFirst("\\{", "{\"addedInALaterMinorVersion\":\"kept\",");

        append(new ReceivedLifecycleEvent(known.id(), known.type(), 3, known.event(), published));

        assertThat(columnOf(3, "payload")).isEqualTo(published).contains("addedInALaterMinorVersion");
        ChainVerification verification = queries.verify(OBJECT).orElseThrow();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.entries()).isEqualTo(4);
    }

    @Test
    void chainAppendedAsOneBatchIsTheChainAppendedEventByEvent() {
        JdbcDataSource other = freshSchema();
        AuditQueries oneByOne = new AuditQueries(other);
        for (ReceivedLifecycleEvent event : List.of(created(0, "2026-11-27T10:00:00Z"),
                created(1, "2026-11-27T11:00:00Z"), removed(2, "2026-11-27T12:00:00Z"))) {
            append(other, event);
        }

        assertThat(oneByOne.verify(OBJECT).orElseThrow().headHash())
                .isEqualTo(queries.verify(OBJECT).orElseThrow().headHash());
    }

    @Test
    void newEventsAfterARedeliveredRangeLinkToTheStoredHead() throws SQLException {
        String head = queries.verify(OBJECT).orElseThrow().headHash();

        // A re-publish after a crash: stored events again, out of order and twice, then new ones.
        append(created(4, "2026-11-27T14:00:00Z"), created(1, "2026-11-27T11:00:00Z"),
                removed(2, "2026-11-27T12:00:00Z"), created(3, "2026-11-27T13:00:00Z"),
                created(3, "2026-11-27T13:00:00Z"));

        ChainVerification verification = queries.verify(OBJECT).orElseThrow();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.entries()).isEqualTo(5);
        assertThat(previousHashOf(3)).isEqualTo(head);
    }

    @Test
    void changedPayloadIsFoundAtItsEntry() throws SQLException {
        execute("UPDATE audit_entry SET payload = REPLACE(payload, '4096', '1') WHERE sequence = 1");

        ChainVerification verification = queries.verify(OBJECT).orElseThrow();

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSequence()).isEqualTo(1L);
        assertThat(verification.problem()).endsWith("the entry was changed");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "principal_id | 'mallory'",
            "owner_id     | 'mallory'",
            "source_ip    | '198.51.100.9'",
            "request_id   | 'req-forged'",
            "gateway_id   | '4116-other-default'",
            "event_name   | 'ObjectCreated:Copy'",
            "event_time   | TIMESTAMP WITH TIME ZONE '2026-11-27 11:30:00+00'",
            "received_at  | TIMESTAMP WITH TIME ZONE '2026-11-27 11:30:00+00'",
    })
    void editedColumnOfWhoActedOrWhenNamesItsEntry(String column, String value) throws SQLException {
        String eventId = columnOf(1, "event_id");

        execute("UPDATE audit_entry SET " + column + " = " + value + " WHERE sequence = 1");

        ChainVerification verification = queries.verify(OBJECT).orElseThrow();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSequence()).isEqualTo(1L);
        assertThat(verification.firstBrokenEventId()).isEqualTo(eventId).isEqualTo("event-1");
        assertThat(verification.problem()).contains("was changed").contains("(" + column + " no longer");
    }

    @Test
    void editedPrincipalIsWhatTheHistoryShowsAndWhatVerificationRejects() throws SQLException {
        execute("UPDATE audit_entry SET principal_id = 'mallory' WHERE event_id = 'event-2'");

        assertThat(queries.history(OBJECT)).extracting(AuditEntry::principalId)
                .containsExactly("auditor", "auditor", "mallory");
        ChainVerification verification = queries.verify(OBJECT).orElseThrow();
        assertThat(verification.firstBrokenSequence()).isEqualTo(2L);
        assertThat(verification.firstBrokenEventId()).isEqualTo("event-2");
    }

    @Test
    void declaringAnEditedEntryOfTheFirstFormatDoesNotHideTheEdit() throws SQLException {
        execute("UPDATE audit_entry SET principal_id = 'mallory', hash_format = " + HashChain.EVENT_ONLY
                + " WHERE sequence = 1");

        ChainVerification verification = queries.verify(OBJECT).orElseThrow();

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSequence()).isEqualTo(1L);
    }

    @Test
    void unknownHashFormatIsReportedAtItsEntry() throws SQLException {
        execute("UPDATE audit_entry SET hash_format = 9 WHERE sequence = 2");

        ChainVerification verification = queries.verify(OBJECT).orElseThrow();

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSequence()).isEqualTo(2L);
        assertThat(verification.problem()).contains("hash format 9");
    }

    @Test
    void historyReturnsWhoActedFromWhereAndTheHashFormat() {
        AuditEntry first = queries.history(OBJECT).get(0);

        assertThat(first.principalId()).isEqualTo("auditor");
        assertThat(first.ownerId()).isEqualTo("records-owner");
        assertThat(first.sourceIp()).isEqualTo("192.0.2.7");
        assertThat(first.requestId()).isEqualTo("req-2026-11-27T10:00:00Z");
        assertThat(first.gatewayId()).isEqualTo("4116-default-default");
        assertThat(first.eventTime()).isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
        assertThat(first.hashFormat()).isEqualTo(HashChain.CURRENT);
    }

    @Test
    void timesFinerThanTheDatabaseKeepsStillVerify() {
        Instant nanos = Instant.parse("2026-11-27T13:00:00.123456789Z");
        ChangeContext change = new ChangeContext("change-nanos", "ObjectCreated:Put", nanos, nanos.plusNanos(1),
                "", "auditor", "records-owner", "", "req", "4116-default-default", "notif", "");
        append(new ReceivedLifecycleEvent("event-3", "io.objectledger.object.created.v1", 3,
                new ObjectCreated(OBJECT, FACTS, change, null)));

        ChainVerification verification = queries.verify(OBJECT).orElseThrow();

        assertThat(verification.intact()).isTrue();
        assertThat(queries.history(OBJECT).get(3).eventTime()).isEqualTo(Instant.parse("2026-11-27T13:00:00.123456Z"));
    }

    @Test
    void removedEntryBreaksTheLinkAfterIt() throws SQLException {
        execute("DELETE FROM audit_entry WHERE sequence = 1");

        ChainVerification verification = queries.verify(OBJECT).orElseThrow();

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSequence()).isEqualTo(2L);
        assertThat(verification.sequenceGaps()).containsExactly(1L);
    }

    @Test
    void rehashingAChangedEntryStillBreaksTheNextLink() throws SQLException {
        execute("UPDATE audit_entry SET payload = REPLACE(payload, '4096', '1'), entry_hash = '"
                + "f".repeat(64) + "' WHERE sequence = 1");

        ChainVerification verification = queries.verify(OBJECT).orElseThrow();

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSequence()).isEqualTo(1L);
    }

    @Test
    void objectWithoutEntriesHasNothingToVerify() {
        assertThat(queries.verify(new ObjectIdentity("tenant:records", "never-written"))).isEmpty();
    }

    @Test
    void readingATrailWhoseDatabaseDoesNotAnswerIsStoreUnavailable() {
        JdbcDataSource away = new JdbcDataSource();
        away.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";IFEXISTS=TRUE");
        AuditQueries unreachable = new AuditQueries(away);

        assertThatThrownBy(() -> unreachable.history(OBJECT)).isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> unreachable.verify(OBJECT)).isInstanceOf(StoreUnavailableException.class);
    }

    private static JdbcDataSource freshSchema() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        SchemaMigration.migrate(database, AuditProjection.class);
        return database;
    }

    /** Events as one batch, as the consumer hands them over. */
    private void append(ReceivedLifecycleEvent... events) {
        append(dataSource, events);
    }

    private void append(JdbcDataSource database, ReceivedLifecycleEvent... events) {
        try (Connection connection = database.getConnection()) {
            projection.apply(connection, List.of(events));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String columnOf(long sequence, String column) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT " + column + " FROM audit_entry WHERE sequence = ?")) {
            query.setLong(1, sequence);
            try (var rows = query.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getString(1);
            }
        }
    }

    private String previousHashOf(long sequence) throws SQLException {
        return columnOf(sequence, "previous_hash");
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    private static ReceivedLifecycleEvent created(long sequence, String eventTime) {
        return new ReceivedLifecycleEvent("event-" + sequence, "io.objectledger.object.created.v1", sequence,
                new ObjectCreated(OBJECT, FACTS, change("ObjectCreated:Put", eventTime), null));
    }

    private static ReceivedLifecycleEvent removed(long sequence, String eventTime) {
        return new ReceivedLifecycleEvent("event-" + sequence, "io.objectledger.object.removed.v1", sequence,
                new ObjectRemoved(OBJECT, FACTS, false, change("ObjectRemoved:Delete", eventTime), null));
    }

    private static ChangeContext change(String eventName, String eventTime) {
        return new ChangeContext("change-" + eventTime, eventName, Instant.parse(eventTime),
                Instant.parse(eventTime).plusSeconds(1), "", "auditor", "records-owner", "192.0.2.7", "req-" + eventTime,
                "4116-default-default", "notif", "");
    }
}
