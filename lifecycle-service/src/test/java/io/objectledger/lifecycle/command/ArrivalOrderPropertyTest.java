package io.objectledger.lifecycle.command;

import io.objectledger.events.command.RecordObjectCreated;
import io.objectledger.events.command.RecordObjectExpired;
import io.objectledger.events.command.RecordObjectRemoved;
import io.objectledger.events.command.RecordObjectTransitioned;
import io.objectledger.events.lifecycle.LifecycleEvent;
import io.objectledger.events.lifecycle.StateAfter;
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
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications for one object arrive duplicated and in any order. Whatever the order, the
 * aggregate records each distinct change exactly once and ends in the state the gateway is in:
 * the newest surviving version or delete marker, so no late create brings back a deleted object
 * or a version removed by id.
 */
class ArrivalOrderPropertyTest {

    private static final ObjectIdentity OBJECT = new ObjectIdentity("tenant:bucket", "shuffled/object.bin");
    private static final Instant START = Instant.parse("2026-11-26T00:00:00Z");

    /** One notification; ids sort in the order the gateway made the changes, like its event times. */
    record Change(String changeId, Object command) {
    }

    private static ChangeContext context(int index, String eventName, int second) {
        return new ChangeContext(String.format("change-%03d", index), eventName, START.plusSeconds(second),
                START.plusSeconds(second + 1), "51AA086BC14BB63A", "user", "req-" + index, "rgw-a-default",
                "notif", "");
    }

    // ---- Any set of changes, realistic or not: only the arrival order must not matter. ----

    enum Kind {
        CREATE, DELETE, DELETE_MARKER, REMOVE_MARKER, EXPIRE_CURRENT, EXPIRE_NONCURRENT, EXPIRE_MARKER,
        TRANSITION, TRANSITION_NONCURRENT, TAGS
    }

    private static Change anyChange(int index, Kind kind, int second, String versionId) {
        ChangeContext change = context(index, kind.name(), second);
        ObjectFacts facts = new ObjectFacts(index, "etag-" + index, versionId, Map.of("rev", "" + index),
                Map.of("t", "" + index));
        ObjectFacts contentless = new ObjectFacts(0, "", versionId, Map.of(), Map.of());
        Object command = switch (kind) {
            case CREATE -> new RecordObjectCreated(OBJECT, facts, change);
            case DELETE -> new RecordObjectRemoved(OBJECT, facts, false, change);
            case DELETE_MARKER -> new RecordObjectRemoved(OBJECT, facts, true, change);
            case REMOVE_MARKER -> new RecordObjectRemoved(OBJECT, contentless, false, change);
            case EXPIRE_CURRENT -> new RecordObjectExpired(OBJECT, facts, LifecycleScope.CURRENT, index % 2 == 0, change);
            case EXPIRE_NONCURRENT -> new RecordObjectExpired(OBJECT, facts, LifecycleScope.NONCURRENT, false, change);
            case EXPIRE_MARKER -> new RecordObjectExpired(OBJECT, contentless, LifecycleScope.DELETE_MARKER, false, change);
            case TRANSITION -> new RecordObjectTransitioned(OBJECT, facts, LifecycleScope.CURRENT, change);
            case TRANSITION_NONCURRENT -> new RecordObjectTransitioned(OBJECT, facts, LifecycleScope.NONCURRENT, change);
            case TAGS -> new RecordTagsApplied(OBJECT, facts, facts.tags(), "rule", "p1", change);
        };
        return new Change(change.changeId(), command);
    }

    @Provide
    Arbitrary<List<Change>> anyChanges() {
        Arbitrary<Kind> kinds = Arbitraries.of(Kind.class);
        Arbitrary<String> versions = Arbitraries.of("", "", "v1", "v2", "v3", "m1");
        // Event times may collide: two changes in the same microsecond must still order the same way.
        Arbitrary<Integer> seconds = Arbitraries.integers().between(0, 40);
        return Combinators.combine(kinds, seconds, versions).as((kind, second, version) -> new Object[]{kind, second, version})
                .list().ofMinSize(1).ofMaxSize(12)
                .map(rows -> {
                    List<Change> changes = new ArrayList<>();
                    for (int i = 0; i < rows.size(); i++) {
                        Object[] row = rows.get(i);
                        changes.add(anyChange(i, (Kind) row[0], (Integer) row[1], (String) row[2]));
                    }
                    return changes;
                });
    }

    @Property(tries = 150)
    void finalStateIsTheSameForEveryArrivalOrder(@ForAll("anyChanges") List<Change> history, @ForAll Random random) {
        Delivered delivered = deliver(shuffledWithDuplicates(history, random));

        assertThat(delivered.recordedChangeIds())
                .containsExactlyInAnyOrderElementsOf(history.stream().map(Change::changeId).toList());
        assertThat(delivered.finalState()).isEqualTo(deliver(history).finalState());
        assertThat(delivered.lastEventStateAfter()).isEqualTo(delivered.finalState());
    }

    @Property(tries = 100)
    void lateCreateNeverResurrectsADeletedObject(@ForAll("anyChanges") List<Change> history, @ForAll Random random) {
        Change lastDelete = anyChange(history.size(), Kind.DELETE, 100, "");
        List<Change> withLatestDelete = new ArrayList<>(history);
        withLatestDelete.add(lastDelete);
        List<Change> arrivals = shuffledWithDuplicates(withLatestDelete, random);
        // The delete arrives first, every older create after it.
        arrivals.remove(lastDelete);
        arrivals.add(0, lastDelete);

        assertThat(deliver(arrivals).finalState().presence()).isEqualTo(StateAfter.Presence.ABSENT);
    }

    // ---- Histories a gateway can produce, with the state the gateway ends in. ----

    enum Operation {
        PUT_VERSIONED, PUT_NULL, DELETE_VERSIONED, DELETE_SUSPENDED, DELETE_VERSION, REMOVE_TOP_MARKER,
        EXPIRE_NONCURRENT, EXPIRE_CURRENT, TRANSITION_CURRENT
    }

    record Gateway(List<Change> notifications, StateAfter endState) {
    }

    /** One version or delete marker in the gateway's stack, oldest first. */
    private record Entry(String versionId, boolean marker, ObjectFacts facts, int second) {
    }

    /**
     * A versioned bucket (switched between enabled and suspended) as S3 defines it: a version
     * stack, the null version replaced by each null put or suspended delete, delete markers on
     * top. Notifications are what RGW 16.2 sends: no id for a new delete marker, only its id
     * (and no eTag) when it is removed. Only the newest marker is ever removed by id: RGW gives
     * nothing that tells an older marker's removal apart.
     */
    private static Gateway simulate(List<Operation> operations, List<Integer> picks) {
        List<Entry> stack = new ArrayList<>();
        List<Change> notifications = new ArrayList<>();
        int second = 0;
        for (int i = 0; i < operations.size(); i++) {
            second += picks.get(i) % 3;
            int pick = picks.get(i);
            int index = notifications.size();
            Entry top = stack.isEmpty() ? null : stack.get(stack.size() - 1);
            List<Entry> versions = stack.stream().filter(e -> !e.marker() && !e.versionId().isEmpty()).toList();
            List<Entry> idMarkers = stack.stream().filter(e -> e.marker() && !e.versionId().isEmpty()).toList();
            switch (operations.get(i)) {
                case PUT_VERSIONED -> {
                    ObjectFacts facts = facts(index, "v" + index);
                    stack.add(new Entry("v" + index, false, facts, second));
                    notifications.add(new Change(id(index), new RecordObjectCreated(OBJECT, facts,
                            context(index, "ObjectCreated:Put", second))));
                }
                case PUT_NULL -> {
                    ObjectFacts facts = facts(index, "");
                    stack.removeIf(e -> e.versionId().isEmpty());
                    stack.add(new Entry("", false, facts, second));
                    notifications.add(new Change(id(index), new RecordObjectCreated(OBJECT, facts,
                            context(index, "ObjectCreated:Put", second))));
                }
                case DELETE_VERSIONED -> {
                    stack.add(new Entry("m" + index, true, null, second));
                    notifications.add(new Change(id(index), new RecordObjectRemoved(OBJECT, hidden(top), true,
                            context(index, "ObjectRemoved:DeleteMarkerCreated", second))));
                }
                case DELETE_SUSPENDED -> {
                    ObjectFacts removed = hidden(top);
                    stack.removeIf(e -> e.versionId().isEmpty());
                    stack.add(new Entry("", true, null, second));
                    notifications.add(new Change(id(index), new RecordObjectRemoved(OBJECT, removed, false,
                            context(index, "ObjectRemoved:Delete", second))));
                }
                case DELETE_VERSION -> {
                    if (!versions.isEmpty()) {
                        Entry victim = versions.get(pick % versions.size());
                        stack.remove(victim);
                        notifications.add(new Change(id(index), new RecordObjectRemoved(OBJECT, victim.facts(), false,
                                context(index, "ObjectRemoved:Delete", second))));
                    }
                }
                case REMOVE_TOP_MARKER -> {
                    if (!idMarkers.isEmpty()) {
                        Entry marker = idMarkers.get(idMarkers.size() - 1);
                        stack.remove(marker);
                        notifications.add(new Change(id(index), new RecordObjectRemoved(OBJECT,
                                contentless(marker.versionId()), false, context(index, "ObjectRemoved:Delete", second))));
                    }
                }
                case EXPIRE_NONCURRENT -> {
                    List<Entry> noncurrent = versions.stream().filter(e -> e != top).toList();
                    if (!noncurrent.isEmpty()) {
                        Entry victim = noncurrent.get(pick % noncurrent.size());
                        stack.remove(victim);
                        notifications.add(new Change(id(index), new RecordObjectExpired(OBJECT, victim.facts(),
                                LifecycleScope.NONCURRENT, false,
                                context(index, "ObjectLifecycle:Expiration:NonCurrent", second))));
                    }
                }
                case EXPIRE_CURRENT -> {
                    if (top != null && !top.marker()) {
                        if (top.versionId().isEmpty()) {
                            stack.remove(top);
                            stack.add(new Entry("", true, null, second));
                        } else {
                            stack.add(new Entry("m" + index, true, null, second));
                        }
                        notifications.add(new Change(id(index), new RecordObjectExpired(OBJECT, top.facts(),
                                LifecycleScope.CURRENT, false, context(index, "ObjectLifecycle:Expiration:Current", second))));
                    }
                }
                case TRANSITION_CURRENT -> {
                    if (top != null && !top.marker()) {
                        notifications.add(new Change(id(index), new RecordObjectTransitioned(OBJECT, top.facts(),
                                LifecycleScope.CURRENT, context(index, "ObjectLifecycle:Transition:Current", second))));
                        if (top.versionId().isEmpty()) {
                            // The ledger places the null version by its latest sighting; nothing is above it anyway.
                            stack.set(stack.size() - 1, new Entry("", false, top.facts(), second));
                        }
                    }
                }
            }
        }
        return new Gateway(notifications, stateOf(stack));
    }

    private static StateAfter stateOf(List<Entry> stack) {
        int versions = (int) stack.stream().filter(e -> !e.marker()).count();
        if (stack.isEmpty()) {
            return new StateAfter(StateAfter.Presence.ABSENT, "", null, null, 0);
        }
        Entry top = stack.get(stack.size() - 1);
        Instant since = START.plusSeconds(top.second());
        return top.marker()
                // RGW never names a marker on creation, so the ledger cannot either.
                ? new StateAfter(StateAfter.Presence.ABSENT, "", null, since, versions)
                : new StateAfter(StateAfter.Presence.PRESENT, top.versionId(), top.facts(), since, versions);
    }

    private static String id(int index) {
        return String.format("change-%03d", index);
    }

    private static ObjectFacts facts(int index, String versionId) {
        return new ObjectFacts(index, "etag-" + index, versionId, Map.of("rev", "" + index), Map.of());
    }

    /** RGW reports a plain delete with the facts of what it hid, but without its version id. */
    private static ObjectFacts hidden(Entry top) {
        if (top == null || top.marker()) {
            return contentless("");
        }
        ObjectFacts facts = top.facts();
        return new ObjectFacts(facts.size(), facts.eTag(), "", facts.metadata(), facts.tags());
    }

    private static ObjectFacts contentless(String versionId) {
        return new ObjectFacts(0, "", versionId, Map.of(), Map.of());
    }

    @Provide
    Arbitrary<Gateway> gatewayHistories() {
        Arbitrary<List<Operation>> operations = Arbitraries.of(Operation.class).list().ofMinSize(1).ofMaxSize(12);
        Arbitrary<List<Integer>> picks = Arbitraries.integers().between(0, 1000).list().ofSize(12);
        return Combinators.combine(operations, picks).as(ArrivalOrderPropertyTest::simulate)
                .filter(gateway -> !gateway.notifications().isEmpty());
    }

    @Property(tries = 200)
    void versionedHistoryEndsInTheGatewaysStateWhateverTheArrivalOrder(@ForAll("gatewayHistories") Gateway gateway,
                                                                        @ForAll Random random) {
        Delivered delivered = deliver(shuffledWithDuplicates(gateway.notifications(), random));

        assertThat(delivered.finalState()).isEqualTo(gateway.endState());
        assertThat(delivered.lastEventStateAfter()).isEqualTo(gateway.endState());
    }

    // ---- Delivery ----

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

    record Delivered(List<String> recordedChangeIds, StateAfter finalState, StateAfter lastEventStateAfter) {
    }

    /** Sends each arrival as a command to the aggregate as Axon would, keeping the stored history. */
    private static Delivered deliver(List<Change> arrivals) {
        FixtureConfiguration<ObjectLifecycle> fixture = new AggregateTestFixture<>(ObjectLifecycle.class);
        fixture.registerCommandTargetResolver(new ObjectCommandTargetResolver());
        List<Object> stored = new ArrayList<>();
        AtomicReference<StateAfter> state = new AtomicReference<>(StateAfter.UNKNOWN);
        for (Change arrival : arrivals) {
            var validator = stored.isEmpty() ? fixture.givenNoPriorActivity().when(arrival.command())
                    : fixture.given(stored).when(arrival.command());
            validator.expectSuccessfulHandlerExecution().expectState(aggregate -> state.set(aggregate.current()));
            stored = fixture.getEventStore().readEvents(OBJECT.aggregateId()).asStream()
                    .map(EventMessage::getPayload).map(Object.class::cast).toList();
        }
        List<LifecycleEvent> events = stored.stream().map(LifecycleEvent.class::cast).toList();
        return new Delivered(events.stream().map(event -> event.change().changeId()).toList(), state.get(),
                events.get(events.size() - 1).stateAfter());
    }
}
