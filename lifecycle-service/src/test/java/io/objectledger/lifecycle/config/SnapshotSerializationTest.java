package io.objectledger.lifecycle.config;

import io.objectledger.events.command.RecordObjectCreated;
import io.objectledger.events.command.RecordObjectRemoved;
import io.objectledger.events.lifecycle.ObjectCreated;
import io.objectledger.events.lifecycle.ObjectRemoved;
import io.objectledger.events.lifecycle.TagsApplied;
import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;
import io.objectledger.lifecycle.command.ChangeOutcome;
import io.objectledger.lifecycle.command.ObjectCommandTargetResolver;
import io.objectledger.lifecycle.command.ObjectLifecycle;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** A snapshot restores everything the aggregate decides with: a re-delivery after it is still a duplicate. */
class SnapshotSerializationTest {

    private static final ObjectIdentity OBJECT = new ObjectIdentity("bucket", "snap/shot.txt");
    private static final ObjectFacts FACTS = new ObjectFacts(1, "e", "", Map.of("k", "v"), Map.of("t", "1"));
    private static final ObjectFacts V1 = new ObjectFacts(2, "e1", "v1", Map.of("k", "v"), Map.of("t", "2"));
    private static final ObjectFacts MARKER_REMOVAL = new ObjectFacts(0, "", "m1", Map.of(), Map.of());

    @Test
    void aggregateRestoredFromItsSnapshotKeepsItsStateAndRecognisesRecordedChanges() {
        Serializer snapshots = Serializers.snapshots();
        ObjectLifecycle original = sourcedFrom(new ObjectCreated(OBJECT, FACTS, change("put", 0), null),
                new ObjectCreated(OBJECT, V1, change("put-v1", 1), null),
                new ObjectRemoved(OBJECT, FACTS, true, change("marker", 2), null),
                new ObjectRemoved(OBJECT, MARKER_REMOVAL, false, change("unmark", 3), null),
                new TagsApplied(OBJECT, V1, Map.of("t", "2"), "rule", "p1", change("tags", 4), null),
                new ObjectRemoved(OBJECT, FACTS, false, change("delete", 5), null));

        SerializedObject<byte[]> snapshot = snapshots.serialize(original, byte[].class);
        ObjectLifecycle restored = snapshots.deserialize(
                new SimpleSerializedObject<>(snapshot.getData(), byte[].class, snapshot.getType()));

        // An identity is a value (its memoised id is not state)
        assertThat(restored).usingRecursiveComparison()
                .withEqualsForType(ObjectIdentity::equals, ObjectIdentity.class).isEqualTo(original);
        assertThat(restored.handle(new RecordObjectRemoved(OBJECT, FACTS, false, change("delete", 5))))
                .isEqualTo(ChangeOutcome.DUPLICATE);
    }

    private static ObjectLifecycle sourcedFrom(Object... events) {
        FixtureConfiguration<ObjectLifecycle> fixture = new AggregateTestFixture<>(ObjectLifecycle.class);
        fixture.registerCommandTargetResolver(new ObjectCommandTargetResolver());
        AtomicReference<ObjectLifecycle> aggregate = new AtomicReference<>();
        fixture.given(events).when(new RecordObjectCreated(OBJECT, FACTS, change("put", 0))).expectState(aggregate::set);
        return aggregate.get();
    }

    private static ChangeContext change(String id, int second) {
        return new ChangeContext(id, "ObjectCreated:Put", Instant.parse("2026-11-26T10:00:00Z").plusSeconds(second),
                Instant.parse("2026-11-26T10:00:30Z"), "", "u", "r", "g", "c", "");
    }
}
