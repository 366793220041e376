package io.objectledger.audit.query;

import io.objectledger.events.lifecycle.ObjectCreated;
import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;
import io.objectledger.support.db.SchemaMigration;
import io.objectledger.support.events.ReceivedLifecycleEvent;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two RGW tenants with a bucket of the same name and an object of the same key: two histories,
 * each its own hash chain, neither showing the other's principal.
 */
class AuditTenantsTest {

    private static final ObjectIdentity DEFAULT_TENANTS = new ObjectIdentity("sharedname", "same.txt");
    private static final ObjectIdentity T1S = new ObjectIdentity("t1:sharedname", "same.txt");
    private static final ObjectFacts FACTS = new ObjectFacts(14, "e1", "", Map.of(), Map.of());

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private AuditQueries queries;

    @BeforeEach
    void bothTenantsPutTheSameKey() throws SQLException {
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        SchemaMigration.migrate(dataSource, AuditProjection.class);
        queries = new AuditQueries(dataSource);
        try (Connection connection = dataSource.getConnection()) {
            new AuditProjection().apply(connection, List.of(put(DEFAULT_TENANTS, 0, "ledger"), put(T1S, 0, "u1"),
                    put(T1S, 1, "u1")));
        }
    }

    @Test
    void eachTenantsObjectHasItsOwnHistory() {
        assertThat(queries.history(DEFAULT_TENANTS)).extracting(AuditEntry::principalId).containsExactly("ledger");
        assertThat(queries.history(T1S)).extracting(AuditEntry::principalId).containsExactly("u1", "u1");
    }

    @Test
    void eachTenantsChainVerifiesOnItsOwn() {
        ChainVerification defaults = queries.verify(DEFAULT_TENANTS).orElseThrow();
        ChainVerification t1 = queries.verify(T1S).orElseThrow();

        assertThat(defaults.intact()).isTrue();
        assertThat(defaults.entries()).isEqualTo(1);
        assertThat(defaults.bucket()).isEqualTo("sharedname");
        assertThat(t1.intact()).isTrue();
        assertThat(t1.entries()).isEqualTo(2);
        assertThat(t1.bucket()).isEqualTo("t1:sharedname");
    }

    @Test
    void rowsKeepTheTenantInTheirBucket() throws SQLException {
        List<String> buckets = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT DISTINCT bucket FROM audit_entry ORDER BY bucket");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                buckets.add(rows.getString(1));
            }
        }

        assertThat(buckets).containsExactly("sharedname", "t1:sharedname");
    }

    private static ReceivedLifecycleEvent put(ObjectIdentity object, long sequence, String principal) {
        Instant at = Instant.parse("2026-12-06T21:50:54.939864Z").plusSeconds(sequence);
        ChangeContext change = new ChangeContext(UUID.randomUUID().toString(), "ObjectCreated:Put", at,
                at.plusMillis(5), "", principal, principal, "", "req-" + sequence, "1012-default-default", "cap", "");
        return new ReceivedLifecycleEvent(UUID.randomUUID().toString(), "io.objectledger.object.created.v1", sequence,
                new ObjectCreated(object, FACTS, change, null));
    }
}
