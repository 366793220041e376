package io.objectledger.lifecycle.command;

import io.objectledger.events.command.ObjectCommand;
import io.objectledger.events.command.RecordObjectCreated;
import io.objectledger.events.command.RecordObjectExpired;
import io.objectledger.events.command.RecordObjectRemoved;
import io.objectledger.events.command.RecordObjectTransitioned;
import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.LifecycleScope;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications for one object arrive duplicated and in any order. Whatever the order, the
 * aggregate records each distinct change exactly once and ends in the state the latest change
 * (by gateway event time) dictates, so no late create brings back a deleted object.
 */
class ArrivalOrderPropertyTest {

    private static final ObjectIdentity OBJECT = new ObjectIdentity("tenant:bucket", "shuffled/object.bin");
    private static final Instant START = Instant.parse("2026-11-26T00:00:00Z");

    enum Kind { CREATE, DELETE, DELETE_MARKER, EXPIRE_CURRENT, EXPIRE_NONCURRENT, TRANSITION }

    record Change(int id, Kind kind, int secondsAfterStart, String versionId) {

        ChangeContext context() {
            return new ChangeContext("change-" + id, kind.name(), START.plusSeconds(secondsAfterStart),
                    START.plusSeconds(secondsAfterStart + 1), "51AA086BC14BB63A", "user", "req-" + id,
                    "rgw-a-default", "notif", "");
        }

        ObjectCommand command() {
            ObjectFacts facts = new ObjectFacts(id, "etag-" + id, versionId, Map.of("rev", String.valueOf(id)), Map.of());
            return switch (kind) {
                case CREATE -> new RecordObjectCreated(OBJECT, facts, context());
                case DELETE -> new RecordObjectRemoved(OBJECT, facts, false, context());
                case DELETE_MARKER -> new RecordObjectRemoved(OBJECT, facts, true, context());
                case EXPIRE_CURRENT -> new RecordObjectExpired(OBJECT, facts, LifecycleScope.CURRENT, false, context());
                case EXPIRE_NONCURRENT -> new RecordObjectExpired(OBJECT, facts, LifecycleScope.NONCURRENT, false, context());
                case TRANSITION -> new RecordObjectTransitioned(OBJECT, facts, LifecycleScope.CURRENT, context());
            };
        }

        boolean changesCurrentState() {
            return kind != Kind.EXPIRE_NONCURRENT;
        }

        boolean leavesObjectPresent() {
            return kind == Kind.CREATE || kind == Kind.TRANSITION;
        }
    }

    @Provide
    Arbitrary<List<Change>> histories() {
        Arbitrary<Kind> kinds = Arbitraries.of(Kind.class);
        Arbitrary<String> versions = Arbitraries.of("", "v1", "v2", "v3");
        // Event times may collide: two changes in the same microsecond must still order the same way.
        Arbitrary<Integer> seconds = Arbitraries.integers().between(0, 40);
        return Combinators.combine(kinds, seconds, versions).as((kind, second, version) -> new Object[]{kind, second, version})
                .list().ofMinSize(1).ofMaxSize(12)
                .map(rows -> {
                    List<Change> changes = new ArrayList<>();
                    for (int i = 0; i < rows.size(); i++) {
                        Object[] row = rows.get(i);
                        changes.add(new Change(i, (Kind) row[0], (Integer) row[1], (String) row[2]));
                    }
                    return changes;
                });
    }

    @Property(tries = 150)
    void finalStateIsTheSameForEveryArrivalOrder(@ForAll("histories") List<Change> history, @ForAll Random random) {
        List<Change> arrivals = shuffledWithDuplicates(history, random);

        Delivered delivered = deliver(arrivals);

        assertThat(delivered.recordedChangeIds()).containsExactlyInAnyOrderElementsOf(
                history.stream().map(change -> "change-" + change.id()).toList());
        CurrentState expected = expectedState(history);
        assertThat(delivered.finalState().exists()).isEqualTo(expected.exists());
        assertThat(delivered.finalState().changeId()).isEqualTo(expected.changeId());
        assertThat(delivered.finalState()).isEqualTo(deliver(history).finalState());
    }

    @Property(tries = 100)
    void lateCreateNeverResurrectsADeletedObject(@ForAll("histories") List<Change> history, @ForAll Random random) {
        Change lastDelete = new Change(history.size(), Kind.DELETE, 100, "");
        List<Change> withLatestDelete = new ArrayList<>(history);
        withLatestDelete.add(lastDelete);
        List<Change> arrivals = shuffledWithDuplicates(withLatestDelete, random);
        // The delete arrives first, every older create after it.
        arrivals.remove(lastDelete);
        arrivals.add(0, lastDelete);

        assertThat(deliver(arrivals).finalState().exists()).isFalse();
    }

    private static List<Change> shuffledWithDuplicates(List<Change> history, Random random) {
        List<Change> arrivals = new ArrayList<>(history);
        for (Change change : history) {
            if (random.nextInt(3) == 0) {
                arrivals.add(change);
            }
        }
        Collections.shuffle(arrivals, random);
        return arrivals;
    }

    private static CurrentState expectedState(List<Change> history) {
        return history.stream()
                .filter(Change::changesCurrentState)
                .max(Comparator.comparing((Change change) -> change.context().eventTime())
                        .thenComparing(change -> change.context().changeId()))
                .map(latest -> new CurrentState(latest.leavesObjectPresent(), latest.context().eventTime(),
                        latest.context().changeId(), null))
                .orElse(CurrentState.UNKNOWN);
    }

    record Delivered(List<String> recordedChangeIds, CurrentState finalState) {
    }

    /** Sends each arrival as a command to the aggregate as Axon would, keeping the stored history. */
    private static Delivered deliver(List<Change> arrivals) {
        FixtureConfiguration<ObjectLifecycle> fixture = new AggregateTestFixture<>(ObjectLifecycle.class);
        fixture.registerCommandTargetResolver(new ObjectCommandTargetResolver());
        List<Object> stored = new ArrayList<>();
        AtomicReference<CurrentState> state = new AtomicReference<>(CurrentState.UNKNOWN);
        for (Change arrival : arrivals) {
            var validator = stored.isEmpty() ? fixture.givenNoPriorActivity().when(arrival.command())
                    : fixture.given(stored).when(arrival.command());
            validator.expectSuccessfulHandlerExecution().expectState(aggregate -> state.set(aggregate.current()));
            stored = fixture.getEventStore().readEvents(OBJECT.aggregateId()).asStream()
                    .map(EventMessage::getPayload).map(Object.class::cast).toList();
        }
        List<String> recorded = stored.stream()
                .map(event -> ((io.objectledger.events.lifecycle.LifecycleEvent) event).change().changeId()).toList();
        return new Delivered(recorded, withoutFacts(state.get()));
    }

    private static CurrentState withoutFacts(CurrentState state) {
        return new CurrentState(state.exists(), state.changedAt(), state.changeId(), null);
    }
}
