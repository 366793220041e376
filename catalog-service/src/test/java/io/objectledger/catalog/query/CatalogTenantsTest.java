package io.objectledger.catalog.query;

import io.objectledger.events.lifecycle.ObjectCreated;
import io.objectledger.events.lifecycle.StateAfter;
import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;
import io.objectledger.support.db.SchemaMigration;
import io.objectledger.support.events.ReceivedLifecycleEvent;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Two RGW tenants with a bucket of the same name and an object of the same key: the catalog
 * names t1's bucket {@code t1:sharedname} and keeps the two objects apart.
 */
class CatalogTenantsTest {

    private static final ObjectIdentity DEFAULT_TENANTS = new ObjectIdentity("sharedname", "same.txt");
    private static final ObjectIdentity T1S = new ObjectIdentity("t1:sharedname", "same.txt");
    private static final ObjectFacts DEFAULT_FACTS = new ObjectFacts(20, "default-etag", "", Map.of(), Map.of());
    private static final ObjectFacts T1_FACTS = new ObjectFacts(35, "t1-etag", "", Map.of(), Map.of());

    private CatalogQueries queries;

    @BeforeEach
    void bothTenantsPutTheSameKey() throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        SchemaMigration.migrate(dataSource, CatalogProjection.class);
        queries = new CatalogQueries(dataSource);
        try (Connection connection = dataSource.getConnection()) {
            new CatalogProjection().apply(connection, List.of(put(T1S, T1_FACTS, "u1"),
                    put(DEFAULT_TENANTS, DEFAULT_FACTS, "ledger"),
                    put(new ObjectIdentity("t1:sharedname", "only-t1.txt"), T1_FACTS, "u1")));
        }
    }

    @Test
    void sameKeyInBothTenantsIsTwoObjects() {
        CatalogEntry defaults = queries.find(DEFAULT_TENANTS).orElseThrow();
        CatalogEntry t1 = queries.find(T1S).orElseThrow();

        assertThat(defaults.bucket()).isEqualTo("sharedname");
        assertThat(defaults.eTag()).isEqualTo("default-etag");
        assertThat(t1.bucket()).isEqualTo("t1:sharedname");
        assertThat(t1.eTag()).isEqualTo("t1-etag");
    }

    @Test
    void listingTheDefaultTenantsBucketShowsNoneOfT1sObjects() {
        assertThat(queries.list("sharedname", "", "", 10))
                .extracting(CatalogEntry::bucket, CatalogEntry::key, CatalogEntry::eTag)
                .containsExactly(tuple("sharedname", "same.txt", "default-etag"));
    }

    @Test
    void listingT1sBucketShowsNoneOfTheDefaultTenantsObjects() {
        assertThat(queries.list("t1:sharedname", "", "", 10))
                .extracting(CatalogEntry::key, CatalogEntry::eTag)
                .containsExactly(tuple("only-t1.txt", "t1-etag"),
                        tuple("same.txt", "t1-etag"));
    }

    @Test
    void aBucketNameIsNotMatchedAsAPattern() {
        assertThat(queries.list("t1:%", "", "", 10)).isEmpty();
        assertThat(queries.list("t1", "", "", 10)).isEmpty();
        assertThat(queries.find(new ObjectIdentity("t2:sharedname", "same.txt"))).isEmpty();
    }

    private static ReceivedLifecycleEvent put(ObjectIdentity object, ObjectFacts facts, String principal) {
        Instant at = Instant.parse("2026-12-06T21:50:54.939864Z");
        ChangeContext change = new ChangeContext(UUID.randomUUID().toString(), "ObjectCreated:Put", at,
                at.plusMillis(5), "", principal, principal, "", "req", "1012-default-default", "cap", "");
        return new ReceivedLifecycleEvent(UUID.randomUUID().toString(), "io.objectledger.object.created.v1", 0,
                new ObjectCreated(object, facts, change,
                        new StateAfter(StateAfter.Presence.PRESENT, "", facts, at, 1)));
    }
}
