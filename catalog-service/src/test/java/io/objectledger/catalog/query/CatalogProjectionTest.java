package io.objectledger.catalog.query;

import io.objectledger.events.lifecycle.LifecycleEvent;
import io.objectledger.events.lifecycle.LifecycleEventType;
import io.objectledger.events.lifecycle.ObjectCreated;
import io.objectledger.events.lifecycle.ObjectDescribed;
import io.objectledger.events.lifecycle.ObjectExpired;
import io.objectledger.events.lifecycle.ObjectRemoved;
import io.objectledger.events.lifecycle.StateAfter;
import io.objectledger.events.lifecycle.TagsApplied;
import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.LifecycleScope;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;
import io.objectledger.support.db.SchemaMigration;
import io.objectledger.support.db.StoreUnavailableException;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The projection against a real (embedded) database with the service's own migrations. */
class CatalogProjectionTest {

    private static final String BUCKET = "tenant:photos";
    private static final ObjectIdentity OBJECT = new ObjectIdentity(BUCKET, "2026/cat.jpg");
    private static final ObjectFacts FACTS = new ObjectFacts(2048, "abc123", "", Map.of("camera", "x100"),
            Map.of("class", "pet"));

    private final CatalogProjection projection = new CatalogProjection();
    private JdbcDataSource dataSource;
    private CatalogQueries queries;

    @BeforeEach
    void freshDatabase() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        SchemaMigration.migrate(dataSource, CatalogProjection.class);
        queries = new CatalogQueries(dataSource);
    }

    @Test
    void createdObjectIsPresentWithItsFacts() {
        apply(created(OBJECT, 0, "2026-11-26T10:00:00Z"));

        CatalogEntry entry = queries.find(OBJECT).orElseThrow();
        assertThat(entry.state()).isEqualTo(ObjectState.PRESENT);
        assertThat(entry.size()).isEqualTo(2048);
        assertThat(entry.eTag()).isEqualTo("abc123");
        assertThat(entry.metadata()).isEqualTo(Map.of("camera", "x100"));
        assertThat(entry.tags()).isEqualTo(Map.of("class", "pet"));
        assertThat(entry.lastEventTime()).isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
    }

    @Test
    void removeAfterCreateLeavesTheObjectRemoved() {
        apply(created(OBJECT, 0, "2026-11-26T10:00:00Z"));
        apply(removed(OBJECT, 1, "2026-11-26T11:00:00Z"));

        assertThat(queries.find(OBJECT).orElseThrow().state()).isEqualTo(ObjectState.REMOVED);
    }

    @Test
    void lateCreateAfterDeleteDoesNotResurrectObject() {
        apply(removed(OBJECT, 1, "2026-11-26T11:00:00Z"));
        apply(created(OBJECT, 0, "2026-11-26T10:00:00Z"));

        assertThat(queries.find(OBJECT).orElseThrow().state()).isEqualTo(ObjectState.REMOVED);
    }

    @Test
    void redeliveredEventChangesNothing() {
        ReceivedLifecycleEvent create = created(OBJECT, 0, "2026-11-26T10:00:00Z");
        apply(create);
        apply(removed(OBJECT, 1, "2026-11-26T11:00:00Z"));

        apply(create);

        assertThat(queries.find(OBJECT).orElseThrow().state()).isEqualTo(ObjectState.REMOVED);
        assertThat(queries.list(BUCKET, "", "", 10)).isEmpty();
    }

    @Test
    void listingShowsPresentObjectsUnderThePrefixInKeyOrder() {
        ObjectIdentity dog = new ObjectIdentity(BUCKET, "2026/dog.jpg");
        ObjectIdentity gone = new ObjectIdentity(BUCKET, "2026/gone.jpg");
        ObjectIdentity elsewhere = new ObjectIdentity(BUCKET, "2025/old.jpg");
        apply(created(dog, 0, "2026-11-26T10:00:00Z"));
        apply(created(OBJECT, 0, "2026-11-26T10:00:00Z"));
        apply(created(gone, 0, "2026-11-26T10:00:00Z"));
        apply(removed(gone, 1, "2026-11-26T10:30:00Z"));
        apply(created(elsewhere, 0, "2026-11-26T10:00:00Z"));

        assertThat(queries.list(BUCKET, "2026/", "", 10)).extracting(CatalogEntry::key)
                .containsExactly("2026/cat.jpg", "2026/dog.jpg");
        assertThat(queries.list(BUCKET, "2026/", "2026/cat.jpg", 10)).extracting(CatalogEntry::key)
                .containsExactly("2026/dog.jpg");
    }

    @Test
    void lifecycleExpiryOfTheCurrentVersionRemovesTheObject() {
        apply(created(OBJECT, 0, "2026-11-26T10:00:00Z"));
        apply(expired(OBJECT, 1, "2026-12-26T00:00:00Z", LifecycleScope.CURRENT));

        assertThat(queries.find(OBJECT).orElseThrow().state()).isEqualTo(ObjectState.REMOVED);
    }

    @Test
    void expiryOfANoncurrentVersionLeavesTheCurrentStateAlone() {
        apply(created(OBJECT, 0, "2026-11-26T10:00:00Z"));
        apply(expired(OBJECT, 1, "2026-12-26T00:00:00Z", LifecycleScope.NONCURRENT));

        CatalogEntry entry = queries.find(OBJECT).orElseThrow();
        assertThat(entry.state()).isEqualTo(ObjectState.PRESENT);
        assertThat(entry.lastEventType()).isEqualTo("io.objectledger.object.created.v1");
    }

    // ---- Events that carry the state after them, as lifecycle-service writes them now ----

    private static final String V1 = "wbwmOTD5TWmNFcoTm994z2XtJhXyB21";
    private static final String V2 = "gYU4nVzdGvG-9.Je6GsYsoT92qfOdEM";
    private static final ObjectFacts FACTS_V1 = new ObjectFacts(24, "8dd5067d1c62a18c414da9ef1f1dbde6", V1,
            Map.of("rev", "1"), Map.of());
    private static final ObjectFacts FACTS_V2 = new ObjectFacts(15, "27f60b341727cb8ed1de139b0da7c173", V2,
            Map.of("rev", "2"), Map.of());
    private static final Instant PUT_V1 = Instant.parse("2026-11-26T21:54:16.043418Z");
    private static final Instant PUT_V2 = Instant.parse("2026-11-26T21:54:18.374649Z");
    private static final Instant HIDE = Instant.parse("2026-11-26T21:54:20.213248Z");

    @Test
    void rowTakesTheStateAfterTheEventNotTheEventsOwnFacts() {
        ObjectFacts markerRemoval = new ObjectFacts(0, "", "XHlWgjS3OMPAtrg.Lb8n-3t0TJjYOiE", Map.of(), Map.of());
        apply(event(0, new ObjectCreated(OBJECT, FACTS_V1, change("ObjectCreated:Put", PUT_V1),
                present(FACTS_V1, PUT_V1, 1))));
        apply(event(1, new ObjectCreated(OBJECT, FACTS_V2, change("ObjectCreated:Put", PUT_V2),
                present(FACTS_V2, PUT_V2, 2))));
        apply(event(2, new ObjectRemoved(OBJECT, FACTS_V2, true, change("ObjectRemoved:DeleteMarkerCreated", HIDE),
                new StateAfter(StateAfter.Presence.ABSENT, "", null, HIDE, 2))));
        apply(event(3, new ObjectRemoved(OBJECT, markerRemoval, false, change("ObjectRemoved:Delete", HIDE.plusSeconds(3)),
                present(FACTS_V2, PUT_V2, 2))));
        apply(event(4, new ObjectRemoved(OBJECT, FACTS_V1, false, change("ObjectRemoved:Delete", HIDE.plusSeconds(4)),
                present(FACTS_V2, PUT_V2, 1))));

        CatalogEntry entry = queries.find(OBJECT).orElseThrow();
        assertThat(entry.state()).isEqualTo(ObjectState.PRESENT);
        assertThat(entry.versionId()).isEqualTo(V2);
        assertThat(entry.eTag()).isEqualTo(FACTS_V2.eTag());
        assertThat(entry.size()).isEqualTo(15);
        assertThat(entry.metadata()).isEqualTo(Map.of("rev", "2"));
        assertThat(entry.currentSince()).isEqualTo(PUT_V2);
        assertThat(entry.versionCount()).isEqualTo(1);
        assertThat(entry.lastEventType()).isEqualTo("io.objectledger.object.removed.v1");
        assertThat(queries.list(OBJECT.bucket(), "", "", 10)).extracting(CatalogEntry::key).containsExactly(OBJECT.key());
    }

    @Test
    void anEarlierEventInTheObjectsHistoryDeliveredLateChangesNothing() {
        ReceivedLifecycleEvent first = event(0, new ObjectCreated(OBJECT, FACTS_V1, change("ObjectCreated:Put", PUT_V1),
                present(FACTS_V1, PUT_V1, 1)));
        // Later in the history, though about an older change: the aggregate resolved it, its sequence decides.
        ReceivedLifecycleEvent second = event(1, new ObjectRemoved(OBJECT, FACTS_V1, true,
                change("ObjectRemoved:DeleteMarkerCreated", PUT_V1.minusSeconds(60)),
                new StateAfter(StateAfter.Presence.ABSENT, "", null, PUT_V1.minusSeconds(60), 1)));
        apply(second);
        apply(first);

        CatalogEntry entry = queries.find(OBJECT).orElseThrow();
        assertThat(entry.state()).isEqualTo(ObjectState.REMOVED);
        assertThat(entry.eTag()).isEmpty();
        assertThat(entry.size()).isZero();
        assertThat(entry.versionCount()).isEqualTo(1);
    }

    @Test
    void tagsTheLedgerAppliedReachTheRowThroughTheStateAfter() {
        ObjectFacts tagged = new ObjectFacts(15, FACTS_V2.eTag(), V2, Map.of("rev", "2"), Map.of("class", "x"));
        apply(event(0, new ObjectCreated(OBJECT, FACTS_V2, change("ObjectCreated:Put", PUT_V2),
                present(FACTS_V2, PUT_V2, 1))));
        apply(event(1, new TagsApplied(OBJECT, tagged, Map.of("class", "x"), "rule", "p1",
                change("Ledger:TagsApplied", PUT_V2.plusSeconds(1)), present(tagged, PUT_V2, 1))));

        assertThat(queries.find(OBJECT).orElseThrow().tags()).isEqualTo(Map.of("class", "x"));
    }

    @Test
    void describedVersionGivesTheRowItsContentTypeAndRealSize() {
        ObjectFacts head = new ObjectFacts(4096, FACTS_V2.eTag(), V2, Map.of("rev", "2"), Map.of(), "image/jpeg");
        apply(event(0, new ObjectCreated(OBJECT, FACTS_V2, change("ObjectCreated:Put", PUT_V2),
                present(FACTS_V2, PUT_V2, 1))));
        assertThat(queries.find(OBJECT).orElseThrow().contentType()).isNull();

        apply(event(1, new ObjectDescribed(OBJECT, head, PUT_V2, change("Ledger:ObjectDescribed", PUT_V2.plusSeconds(2)),
                present(head, PUT_V2, 1))));

        CatalogEntry entry = queries.find(OBJECT).orElseThrow();
        assertThat(entry.contentType()).isEqualTo("image/jpeg");
        assertThat(entry.size()).isEqualTo(4096);
        assertThat(entry.state()).isEqualTo(ObjectState.PRESENT);
        assertThat(entry.lastEventType()).isEqualTo("io.objectledger.object.described.v1");
        assertThat(queries.list(BUCKET, "", "", 10)).extracting(CatalogEntry::contentType).containsExactly("image/jpeg");
    }

    @Test
    void descriptionDeliveredAfterANewerPutLeavesTheNewerState() {
        ObjectFacts head = new ObjectFacts(4096, FACTS_V2.eTag(), V2, Map.of(), Map.of(), "image/jpeg");
        ObjectFacts overwritten = new ObjectFacts(10, "fff", "", Map.of(), Map.of());
        Instant later = PUT_V2.plusSeconds(60);
        apply(event(0, new ObjectCreated(OBJECT, FACTS_V2, change("ObjectCreated:Put", PUT_V2),
                present(FACTS_V2, PUT_V2, 1))));
        apply(event(2, new ObjectCreated(OBJECT, overwritten, change("ObjectCreated:Put", later),
                present(overwritten, later, 2))));

        apply(event(1, new ObjectDescribed(OBJECT, head, PUT_V2, change("Ledger:ObjectDescribed", PUT_V2.plusSeconds(2)),
                present(head, PUT_V2, 1))));

        CatalogEntry entry = queries.find(OBJECT).orElseThrow();
        assertThat(entry.contentType()).isNull();
        assertThat(entry.size()).isEqualTo(10);
        assertThat(entry.eTag()).isEqualTo("fff");
    }

    @Test
    void eventWithoutStateAfterNeverOverwritesAResolvedRow() {
        apply(event(3, new ObjectCreated(OBJECT, FACTS_V2, change("ObjectCreated:Put", PUT_V2),
                present(FACTS_V2, PUT_V2, 1))));

        apply(removed(OBJECT, 1, "2026-11-27T00:00:00Z"));

        assertThat(queries.find(OBJECT).orElseThrow().state()).isEqualTo(ObjectState.PRESENT);
    }

    @Test
    void batchEndsInEachObjectsLatestStateWhateverItsOrderAndWhatIsStored() {
        ObjectIdentity other = new ObjectIdentity(BUCKET, "2026/dog.jpg");
        ObjectIdentity known = new ObjectIdentity(BUCKET, "2026/bird.jpg");
        ObjectFacts overwritten = new ObjectFacts(10, "fff", "", Map.of(), Map.of());
        Instant later = PUT_V2.plusSeconds(60);
        apply(event(5, new ObjectCreated(known, FACTS_V2, change("ObjectCreated:Put", later),
                present(FACTS_V2, later, 1))));

        apply(event(2, new ObjectCreated(OBJECT, overwritten, change("ObjectCreated:Put", later),
                        present(overwritten, later, 2))),
                event(0, new ObjectCreated(other, FACTS_V1, change("ObjectCreated:Put", PUT_V1),
                        present(FACTS_V1, PUT_V1, 1))),
                event(0, new ObjectCreated(OBJECT, FACTS_V1, change("ObjectCreated:Put", PUT_V1),
                        present(FACTS_V1, PUT_V1, 1))),
                event(4, new ObjectCreated(known, FACTS_V1, change("ObjectCreated:Put", PUT_V1),
                        present(FACTS_V1, PUT_V1, 1))),
                event(1, new ObjectRemoved(other, FACTS_V1, false, change("ObjectRemoved:Delete", PUT_V2),
                        new StateAfter(StateAfter.Presence.ABSENT, "", null, PUT_V2, 0))));

        // First seen in this batch: the latest of its events, not the first one written.
        assertThat(queries.find(OBJECT).orElseThrow().eTag()).isEqualTo("fff");
        assertThat(queries.find(OBJECT).orElseThrow().versionCount()).isEqualTo(2);
        assertThat(queries.find(other).orElseThrow().state()).isEqualTo(ObjectState.REMOVED);
        // Already stored at a later point of its history: left as it was.
        assertThat(queries.find(known).orElseThrow().eTag()).isEqualTo(FACTS_V2.eTag());
    }

    @Test
    void legacyTagsAppliedStillUpdatesTheTags() {
        apply(created(OBJECT, 0, "2026-11-26T10:00:00Z"));
        apply(event(1, new TagsApplied(OBJECT, new ObjectFacts(2048, "abc123", "", Map.of(), Map.of("class", "cat")),
                Map.of("class", "cat"), "rule", "p1", change("Ledger:TagsApplied", "2026-11-26T10:00:01Z"), null)));

        assertThat(queries.find(OBJECT).orElseThrow().tags()).isEqualTo(Map.of("class", "cat"));
    }

    @Test
    void queryOnADatabaseThatDoesNotAnswerIsStoreUnavailable() {
        JdbcDataSource away = new JdbcDataSource();
        away.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";IFEXISTS=TRUE");

        assertThatThrownBy(() -> new CatalogQueries(away).find(OBJECT))
                .isInstanceOf(StoreUnavailableException.class)
                .hasCauseInstanceOf(SQLException.class);
    }

    @Test
    void projectionFailingOnTheDatabaseIsStoreUnavailable() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("DROP TABLE catalog_object");

            assertThatThrownBy(() -> projection.apply(connection, List.of(event(0, new ObjectCreated(OBJECT, FACTS_V1,
                    change("ObjectCreated:Put", PUT_V1), present(FACTS_V1, PUT_V1, 1))))))
                    .isInstanceOf(StoreUnavailableException.class);
        }
    }

    private static StateAfter present(ObjectFacts facts, Instant since, int versions) {
        return new StateAfter(StateAfter.Presence.PRESENT, facts.versionId(), facts, since, versions);
    }

    private static ReceivedLifecycleEvent event(long sequence, LifecycleEvent event) {
        return new ReceivedLifecycleEvent(UUID.randomUUID().toString(),
                LifecycleEventType.of(event).cloudEventType(), sequence, event);
    }

    private static ChangeContext change(String eventName, Instant eventTime) {
        return change(eventName, eventTime.toString());
    }

    // ---- Events written before the state after existed (replayed history) ----

    private static ReceivedLifecycleEvent expired(ObjectIdentity object, long sequence, String eventTime,
                                                  LifecycleScope scope) {
        return new ReceivedLifecycleEvent(UUID.randomUUID().toString(), "io.objectledger.object.expired.v1", sequence,
                new ObjectExpired(object, FACTS, scope, false, change("ObjectLifecycle:Expiration", eventTime), null));
    }

    private static ReceivedLifecycleEvent created(ObjectIdentity object, long sequence, String eventTime) {
        return new ReceivedLifecycleEvent(UUID.randomUUID().toString(), "io.objectledger.object.created.v1", sequence,
                new ObjectCreated(object, FACTS, change("ObjectCreated:Put", eventTime), null));
    }

    private static ReceivedLifecycleEvent removed(ObjectIdentity object, long sequence, String eventTime) {
        return new ReceivedLifecycleEvent(UUID.randomUUID().toString(), "io.objectledger.object.removed.v1", sequence,
                new ObjectRemoved(object, FACTS, false, change("ObjectRemoved:Delete", eventTime), null));
    }

    private static ChangeContext change(String eventName, String eventTime) {
        return new ChangeContext(UUID.randomUUID().toString(), eventName, Instant.parse(eventTime),
                Instant.parse(eventTime).plusSeconds(1), "", "lab", "req", "rgw-a-default", "notif", "");
    }

    /** Events as one batch, as the consumer hands them over. */
    private void apply(ReceivedLifecycleEvent... events) {
        try (Connection connection = dataSource.getConnection()) {
            projection.apply(connection, List.of(events));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
