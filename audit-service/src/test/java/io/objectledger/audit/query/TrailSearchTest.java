package io.objectledger.audit.query;

import io.objectledger.events.lifecycle.LifecycleEvent;
import io.objectledger.events.lifecycle.ObjectCreated;
import io.objectledger.events.lifecycle.ObjectRemoved;
import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;
import io.objectledger.support.db.SchemaMigration;
import io.objectledger.support.events.ReceivedLifecycleEvent;
import io.objectledger.support.security.TenantScope;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Queries across objects: global positions, each filter, tenant scope, pages, counts and streams. */
class TrailSearchTest {

    private static final String CREATED = "io.objectledger.object.created.v1";
    private static final String REMOVED = "io.objectledger.object.removed.v1";
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private static final TenantScope EVERY_TENANT = new TenantScope(Set.of(TenantScope.ALL_TENANTS));

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private TrailSearch search;

    @BeforeEach
    void twoBatchesOverThreeBucketsOfTwoTenants() throws SQLException {
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        SchemaMigration.migrate(dataSource, AuditProjection.class);
        search = new TrailSearch(dataSource);
        try (Connection connection = dataSource.getConnection()) {
            AuditProjection projection = new AuditProjection();
            projection.apply(connection, List.of(
                    created("records", "a_b/1.txt", 0, 0, "alice", "v1"),
                    created("records", "aXb/2.txt", 0, 10, "bob", "v2"),
                    created("t1:records", "a_b/1.txt", 0, 20, "u1", "")));
            projection.apply(connection, List.of(
                    removed("records", "a_b/1.txt", 1, 30, "alice"),
                    created("other", "a_b/1.txt", 0, 40, "alice", "v3")));
        }
    }

    @Test
    void everyEntryHasTheNextPositionInTheOrderItWasStored() {
        List<AuditEntry> all = search.page(filter(), 0, 100);

        assertThat(all).extracting(AuditEntry::position).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(all).extracting(AuditEntry::bucket)
                .containsExactly("records", "records", "t1:records", "records", "other");
    }

    @Test
    void eachFilterNarrowsToItsEntries() {
        assertThat(keys(new TrailFilter("records", null, null, Set.of(), null, null, null, null, null, null,
                EVERY_TENANT))).containsExactly("records/a_b/1.txt", "records/aXb/2.txt", "records/a_b/1.txt");
        // An underscore in a prefix is a character, not LIKE's wildcard.
        assertThat(keys(new TrailFilter("records", "a_b/", null, Set.of(), null, null, null, null, null, null,
                EVERY_TENANT))).containsExactly("records/a_b/1.txt", "records/a_b/1.txt");
        assertThat(principals(new TrailFilter(null, null, "alice", Set.of(), null, null, null, null, null, null,
                EVERY_TENANT))).containsExactly("alice", "alice", "alice");
        assertThat(search.page(new TrailFilter(null, null, null, Set.of(REMOVED), null, null, null, null, null, null,
                EVERY_TENANT), 0, 100)).extracting(AuditEntry::eventType).containsExactly(REMOVED);
        assertThat(keys(new TrailFilter(null, null, null, Set.of(), "req-records-aXb/2.txt-0", null, null, null,
                null, null, EVERY_TENANT))).containsExactly("records/aXb/2.txt");
        assertThat(keys(new TrailFilter(null, null, null, Set.of(), null, "v3", null, null, null, null,
                EVERY_TENANT))).containsExactly("other/a_b/1.txt");
        assertThat(keys(new TrailFilter(null, null, null, Set.of(), null, null, T0.plusSeconds(10), T0.plusSeconds(30),
                null, null, EVERY_TENANT))).containsExactly("records/aXb/2.txt", "t1:records/a_b/1.txt");
    }

    @Test
    void filtersCombine() {
        TrailFilter alicesCreationsUnderAB = new TrailFilter(null, "a_b/", "alice", Set.of(CREATED), null, null,
                null, T0.plusSeconds(60), null, null, EVERY_TENANT);

        assertThat(keys(alicesCreationsUnderAB)).containsExactly("records/a_b/1.txt", "other/a_b/1.txt");
        assertThat(search.count(alicesCreationsUnderAB)).isEqualTo(2);
    }

    @Test
    void recordedTimeIsTheTrailsOwnClock() {
        Instant stored = search.page(filter(), 0, 1).get(0).recordedAt();

        assertThat(search.count(new TrailFilter(null, null, null, Set.of(), null, null, null, null, stored, null,
                EVERY_TENANT))).isEqualTo(5);
        assertThat(search.count(new TrailFilter(null, null, null, Set.of(), null, null, null, null, null, stored,
                EVERY_TENANT))).isZero();
    }

    @Test
    void aTenantsScopeShowsItsBucketsOnly() {
        TrailFilter t1Only = new TrailFilter(null, null, null, Set.of(), null, null, null, null, null, null,
                new TenantScope(Set.of("t1")));
        TrailFilter defaultOnly = new TrailFilter(null, null, null, Set.of(), null, null, null, null, null, null,
                new TenantScope(Set.of("")));
        TrailFilter anotherTenantsBucket = new TrailFilter("records", null, null, Set.of(), null, null, null, null,
                null, null, new TenantScope(Set.of("t1")));
        TrailFilter noGrant = new TrailFilter(null, null, null, Set.of(), null, null, null, null, null, null,
                new TenantScope(Set.of()));

        assertThat(keys(t1Only)).containsExactly("t1:records/a_b/1.txt");
        assertThat(search.count(defaultOnly)).isEqualTo(4);
        assertThat(search.count(anotherTenantsBucket)).isZero();
        assertThat(search.page(noGrant, 0, 100)).isEmpty();
    }

    @Test
    void pagesContinueAfterThePositionOfTheLastOne() {
        List<Long> seen = new ArrayList<>();
        long after = 0;
        List<AuditEntry> page;
        do {
            page = search.page(filter(), after, 2);
            page.forEach(entry -> seen.add(entry.position()));
            after = page.isEmpty() ? after : page.get(page.size() - 1).position();
        } while (page.size() == 2);

        assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void aStreamHasTheEntriesOfThePagesInTheirOrder() throws IOException {
        List<AuditEntry> streamed = new ArrayList<>();

        long count = search.stream(filter(), 0, stored -> streamed.add(stored.entry()));

        assertThat(count).isEqualTo(5);
        assertThat(streamed).isEqualTo(search.page(filter(), 0, 100));
    }

    @Test
    void anObjectsHistoryComesInPagesBySequence() {
        AuditQueries queries = new AuditQueries(dataSource);
        ObjectIdentity object = new ObjectIdentity("records", "a_b/1.txt");

        assertThat(queries.history(object, -1, 1)).extracting(AuditEntry::sequence).containsExactly(0L);
        assertThat(queries.history(object, 0, 1)).extracting(AuditEntry::sequence).containsExactly(1L);
        assertThat(queries.history(object, 1, 1)).isEmpty();
        assertThat(queries.history(object)).extracting(AuditEntry::position).containsExactly(1L, 4L);
    }

    private static TrailFilter filter() {
        return new TrailFilter(null, null, null, Set.of(), null, null, null, null, null, null, EVERY_TENANT);
    }

    private List<String> keys(TrailFilter filter) {
        return search.page(filter, 0, 100).stream().map(entry -> entry.bucket() + "/" + entry.key()).toList();
    }

    private List<String> principals(TrailFilter filter) {
        return search.page(filter, 0, 100).stream().map(AuditEntry::principalId).toList();
    }

    private static ReceivedLifecycleEvent created(String bucket, String key, long sequence, int second,
                                                  String principal, String versionId) {
        ObjectIdentity object = new ObjectIdentity(bucket, key);
        ObjectFacts facts = new ObjectFacts(14, "e1", versionId, Map.of(), Map.of());
        return received(CREATED, sequence, new ObjectCreated(object, facts, change(object, sequence, second, principal,
                "ObjectCreated:Put"), null));
    }

    private static ReceivedLifecycleEvent removed(String bucket, String key, long sequence, int second,
                                                  String principal) {
        ObjectIdentity object = new ObjectIdentity(bucket, key);
        ObjectFacts facts = new ObjectFacts(0, "", "", Map.of(), Map.of());
        return received(REMOVED, sequence, new ObjectRemoved(object, facts, false,
                change(object, sequence, second, principal, "ObjectRemoved:Delete"), null));
    }

    private static ChangeContext change(ObjectIdentity object, long sequence, int second, String principal,
                                        String eventName) {
        Instant at = T0.plusSeconds(second);
        return new ChangeContext(UUID.randomUUID().toString(), eventName, at, at.plusMillis(5), "", principal,
                principal, "", "req-" + object.bucket() + "-" + object.key() + "-" + sequence, "gateway", "cap", "");
    }

    private static ReceivedLifecycleEvent received(String type, long sequence, LifecycleEvent event) {
        return new ReceivedLifecycleEvent(UUID.randomUUID().toString(), type, sequence, event);
    }
}
