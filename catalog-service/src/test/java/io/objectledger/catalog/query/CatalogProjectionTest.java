package io.objectledger.catalog.query;

import io.objectledger.events.lifecycle.ObjectCreated;
import io.objectledger.events.lifecycle.ObjectExpired;
import io.objectledger.events.lifecycle.ObjectRemoved;
import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.LifecycleScope;
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
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

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

    private static ReceivedLifecycleEvent expired(ObjectIdentity object, long sequence, String eventTime,
                                                  LifecycleScope scope) {
        return new ReceivedLifecycleEvent(UUID.randomUUID().toString(), "io.objectledger.object.expired.v1", sequence,
                new ObjectExpired(object, FACTS, scope, false, change("ObjectLifecycle:Expiration", eventTime)));
    }

    private static ReceivedLifecycleEvent created(ObjectIdentity object, long sequence, String eventTime) {
        return new ReceivedLifecycleEvent(UUID.randomUUID().toString(), "io.objectledger.object.created.v1", sequence,
                new ObjectCreated(object, FACTS, change("ObjectCreated:Put", eventTime)));
    }

    private static ReceivedLifecycleEvent removed(ObjectIdentity object, long sequence, String eventTime) {
        return new ReceivedLifecycleEvent(UUID.randomUUID().toString(), "io.objectledger.object.removed.v1", sequence,
                new ObjectRemoved(object, FACTS, false, change("ObjectRemoved:Delete", eventTime)));
    }

    private static ChangeContext change(String eventName, String eventTime) {
        return new ChangeContext(UUID.randomUUID().toString(), eventName, Instant.parse(eventTime),
                Instant.parse(eventTime).plusSeconds(1), "", "lab", "req", "rgw-a-default", "notif", "");
    }

    /** One event in its own transaction, as a batch of one. */
    private void apply(ReceivedLifecycleEvent event) {
        try (Connection connection = dataSource.getConnection()) {
            projection.apply(connection, event);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
