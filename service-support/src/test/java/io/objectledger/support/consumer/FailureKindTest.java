package io.objectledger.support.consumer;

import io.objectledger.support.db.StoreUnavailableException;
import org.junit.jupiter.api.Test;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class FailureKindTest {

    @Test
    void databaseThatDoesNotAnswerIsAnOutageUnderAnyWrapper() {
        SQLException connectionLost = new SQLException("Connection refused", "08001");

        assertThat(FailureKind.of(connectionLost)).isEqualTo(FailureKind.STORE_OUTAGE);
        assertThat(FailureKind.of(new IllegalStateException("Cannot open a database transaction",
                new RuntimeException("event store", connectionLost)))).isEqualTo(FailureKind.STORE_OUTAGE);
        assertThat(FailureKind.of(new SQLTransientConnectionException("pool exhausted")))
                .isEqualTo(FailureKind.STORE_OUTAGE);
        assertThat(FailureKind.of(new StoreUnavailableException("down", null))).isEqualTo(FailureKind.STORE_OUTAGE);
    }

    @Test
    void conflictWithAConcurrentWriterPassesAndIsAnOutage() {
        assertThat(FailureKind.of(new RuntimeException("concurrency",
                new SQLIntegrityConstraintViolationException("duplicate sequence number", "23505"))))
                .isEqualTo(FailureKind.STORE_OUTAGE);
    }

    @Test
    void valueTheDatabaseCannotTakeIsTheRecordsFault() {
        assertThat(FailureKind.of(new RuntimeException("append",
                new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"))))
                .isEqualTo(FailureKind.RECORD);
        assertThat(FailureKind.of(new SQLDataException("value too long"))).isEqualTo(FailureKind.RECORD);
    }

    @Test
    void constraintTheRecordBreaksIsTheRecordsFault() {
        assertThat(FailureKind.of(new RuntimeException("append",
                new SQLIntegrityConstraintViolationException("null value in column \"payload\"", "23502"))))
                .isEqualTo(FailureKind.RECORD);
        assertThat(FailureKind.of(new RuntimeException("append",
                new SQLException("violates foreign key constraint", "23503")))).isEqualTo(FailureKind.RECORD);
        assertThat(FailureKind.of(new SQLException("violates check constraint", "23514")))
                .isEqualTo(FailureKind.RECORD);
    }

    @Test
    void databaseRefusingForAReasonOfItsOwnIsAnOutage() {
        assertThat(FailureKind.of(new SQLException("relation \"domain_event_entry\" does not exist", "42P01")))
                .isEqualTo(FailureKind.STORE_OUTAGE);
        assertThat(FailureKind.of(new SQLException("permission denied", "42501"))).isEqualTo(FailureKind.STORE_OUTAGE);
        assertThat(FailureKind.of(new SQLException("no state"))).isEqualTo(FailureKind.STORE_OUTAGE);
    }

    @Test
    void failureWithoutADatabaseCauseIsTheRecordsFault() {
        assertThat(FailureKind.of(new NullPointerException("change is null"))).isEqualTo(FailureKind.RECORD);
        assertThat(FailureKind.of(new IllegalArgumentException("rejected", new IllegalStateException("no"))))
                .isEqualTo(FailureKind.RECORD);
    }

    @Test
    void cyclicCauseChainEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertThat(FailureKind.of(first)).isEqualTo(FailureKind.RECORD);
    }
}
