package io.objectledger.lifecycle.command;

import io.objectledger.events.command.RecordObjectCreated;
import io.objectledger.events.command.RecordObjectExpired;
import io.objectledger.events.command.RecordObjectRemoved;
import io.objectledger.events.command.RecordObjectTransitioned;
import io.objectledger.events.lifecycle.ObjectCreated;
import io.objectledger.events.lifecycle.ObjectExpired;
import io.objectledger.events.lifecycle.ObjectRemoved;
import io.objectledger.events.lifecycle.ObjectTransitioned;
import io.objectledger.events.lifecycle.RetentionApplied;
import io.objectledger.events.lifecycle.RetentionEnded;
import io.objectledger.events.lifecycle.RetentionViolated;
import io.objectledger.events.lifecycle.TaggingFailed;
import io.objectledger.events.lifecycle.TagsApplied;
import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.LifecycleScope;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

class ObjectLifecycleTest {

    private static final ObjectIdentity OBJECT = new ObjectIdentity("tenant:bucket", "docs/report.pdf");
    private static final ObjectFacts FACTS = new ObjectFacts(24, "8dd5067d1c62a18c414da9ef1f1dbde6", "",
            Map.of("color", "red"), Map.of("project", "beta"));
    private static final ChangeContext PUT = change("put-1", "ObjectCreated:Put", "2026-11-26T21:53:21.983440Z");
    private static final ChangeContext DELETE = change("delete-1", "ObjectRemoved:Delete", "2026-11-26T21:54:00Z");
    private static final ChangeContext MARKER = change("marker-1", "ObjectRemoved:DeleteMarkerCreated", "2026-11-26T21:55:00Z");

    private FixtureConfiguration<ObjectLifecycle> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ObjectLifecycle.class);
        fixture.registerCommandTargetResolver(new ObjectCommandTargetResolver());
    }

    @Test
    void createOfAnUnknownObjectRecordsObjectCreated() {
        fixture.givenNoPriorActivity()
                .when(new RecordObjectCreated(OBJECT, FACTS, PUT))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(ChangeOutcome.RECORDED)
                .expectEvents(new ObjectCreated(OBJECT, FACTS, PUT));
    }

    @Test
    void deleteOfACreatedObjectRecordsObjectRemoved() {
        fixture.given(new ObjectCreated(OBJECT, FACTS, PUT))
                .when(new RecordObjectRemoved(OBJECT, FACTS, false, DELETE))
                .expectEvents(new ObjectRemoved(OBJECT, FACTS, false, DELETE));
    }

    @Test
    void deleteMarkerIsRecordedAsSuch() {
        fixture.given(new ObjectCreated(OBJECT, FACTS, PUT))
                .when(new RecordObjectRemoved(OBJECT, FACTS, true, MARKER))
                .expectEvents(new ObjectRemoved(OBJECT, FACTS, true, MARKER));
    }

    @Test
    void deleteArrivingBeforeAnyCreateIsStillRecorded() {
        fixture.givenNoPriorActivity()
                .when(new RecordObjectRemoved(OBJECT, FACTS, false, DELETE))
                .expectEvents(new ObjectRemoved(OBJECT, FACTS, false, DELETE));
    }

    @Test
    void redeliveredCreateRecordsNothing() {
        fixture.given(new ObjectCreated(OBJECT, FACTS, PUT))
                .when(new RecordObjectCreated(OBJECT, FACTS, PUT))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(ChangeOutcome.DUPLICATE)
                .expectNoEvents();
    }

    @Test
    void redeliveredDeleteRecordsNothing() {
        fixture.given(new ObjectCreated(OBJECT, FACTS, PUT), new ObjectRemoved(OBJECT, FACTS, false, DELETE))
                .when(new RecordObjectRemoved(OBJECT, FACTS, false, DELETE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void lateCreateAfterDeleteIsKeptInHistory() {
        ChangeContext earlierPut = change("put-0", "ObjectCreated:Put", "2026-11-26T21:50:00Z");

        fixture.given(new ObjectRemoved(OBJECT, FACTS, false, DELETE))
                .when(new RecordObjectCreated(OBJECT, FACTS, earlierPut))
                .expectEvents(new ObjectCreated(OBJECT, FACTS, earlierPut));
    }

    @Test
    void lifecycleExpirationIsRecordedAsExpiryNotDelete() {
        ChangeContext expiry = change("expiry-1", "ObjectLifecycle:Expiration:Current", "2026-12-26T00:00:00Z");

        fixture.given(new ObjectCreated(OBJECT, FACTS, PUT))
                .when(new RecordObjectExpired(OBJECT, FACTS, LifecycleScope.CURRENT, false, expiry))
                .expectEvents(new ObjectExpired(OBJECT, FACTS, LifecycleScope.CURRENT, false, expiry));
    }

    @Test
    void transitionIsRecorded() {
        ChangeContext transition = change("transition-1", "ObjectLifecycle:Transition:Current", "2026-12-01T00:00:00Z");

        fixture.given(new ObjectCreated(OBJECT, FACTS, PUT))
                .when(new RecordObjectTransitioned(OBJECT, FACTS, LifecycleScope.CURRENT, transition))
                .expectEvents(new ObjectTransitioned(OBJECT, FACTS, LifecycleScope.CURRENT, transition));
    }

    @Test
    void redeliveredExpiryRecordsNothing() {
        ChangeContext expiry = change("expiry-1", "ObjectLifecycle:Expiration:NonCurrent", "2026-12-26T00:00:00Z");

        fixture.given(new ObjectCreated(OBJECT, FACTS, PUT),
                        new ObjectExpired(OBJECT, FACTS, LifecycleScope.NONCURRENT, false, expiry))
                .when(new RecordObjectExpired(OBJECT, FACTS, LifecycleScope.NONCURRENT, false, expiry))
                .expectResultMessagePayload(ChangeOutcome.DUPLICATE)
                .expectNoEvents();
    }

    @Test
    void tagsAppliedByTheLedgerAreRecordedOnce() {
        ChangeContext ledger = change("tags-1", "Ledger:TagsApplied", "2026-11-26T21:53:30Z");
        RecordTagsApplied command = new RecordTagsApplied(OBJECT, FACTS, Map.of("class", "x"), "rule", "v1", ledger);
        TagsApplied applied = new TagsApplied(OBJECT, FACTS, Map.of("class", "x"), "rule", "v1", ledger);

        fixture.given(new ObjectCreated(OBJECT, FACTS, PUT)).when(command).expectEvents(applied);
        fixture.given(new ObjectCreated(OBJECT, FACTS, PUT), applied).when(command).expectNoEvents();
    }

    @Test
    void failedTaggingIsRecorded() {
        ChangeContext ledger = change("fail-1", "Ledger:TaggingFailed", "2026-11-26T21:53:30Z");

        fixture.given(new ObjectCreated(OBJECT, FACTS, PUT))
                .when(new RecordTaggingFailed(OBJECT, FACTS, "rule", "v1", "503 SlowDown", 1, true, ledger))
                .expectEvents(new TaggingFailed(OBJECT, FACTS, "rule", "v1", "503 SlowDown", 1, true, ledger));
    }

    @Test
    void removalBeforeRetainUntilIsARetentionViolation() {
        RetentionApplied retention = new RetentionApplied(OBJECT, FACTS, "keep", "v1", "LEDGER",
                Instant.parse("2027-01-01T00:00:00Z"), false, "TAG_EXPIRED", change("ret-1", "Ledger:RetentionApplied",
                "2026-11-26T21:53:30Z"));

        fixture.given(new ObjectCreated(OBJECT, FACTS, PUT), retention)
                .when(new RecordObjectRemoved(OBJECT, FACTS, false, DELETE))
                .expectEvents(new ObjectRemoved(OBJECT, FACTS, false, DELETE),
                        new RetentionViolated(OBJECT, FACTS, Instant.parse("2027-01-01T00:00:00Z"), false, "keep", DELETE));
    }

    @Test
    void removalAfterRetainUntilIsNoViolation() {
        RetentionApplied retention = new RetentionApplied(OBJECT, FACTS, "keep", "v1", "LEDGER",
                Instant.parse("2026-11-26T21:53:50Z"), false, "TAG_EXPIRED", change("ret-1", "Ledger:RetentionApplied",
                "2026-11-26T21:53:30Z"));

        fixture.given(new ObjectCreated(OBJECT, FACTS, PUT), retention)
                .when(new RecordObjectRemoved(OBJECT, FACTS, false, DELETE))
                .expectEvents(new ObjectRemoved(OBJECT, FACTS, false, DELETE));
    }

    @Test
    void deleteMarkerUnderLegalHoldIsNoViolation() {
        RetentionApplied hold = new RetentionApplied(OBJECT, FACTS, "hold", "v1", "GOVERNANCE",
                Instant.parse("2026-11-27T00:00:00Z"), true, "", change("ret-1", "Ledger:RetentionApplied",
                "2026-11-26T21:53:30Z"));

        fixture.given(new ObjectCreated(OBJECT, FACTS, PUT), hold)
                .when(new RecordObjectRemoved(OBJECT, FACTS, true, MARKER))
                .expectEvents(new ObjectRemoved(OBJECT, FACTS, true, MARKER));
    }

    @Test
    void lifecycleExpiryUnderLegalHoldIsAViolation() {
        RetentionApplied hold = new RetentionApplied(OBJECT, FACTS, "hold", "v1", "GOVERNANCE",
                Instant.parse("2026-11-27T00:00:00Z"), true, "", change("ret-1", "Ledger:RetentionApplied",
                "2026-11-26T21:53:30Z"));
        ChangeContext expiry = change("expiry-1", "ObjectLifecycle:Expiration:Current", "2026-12-26T00:00:00Z");

        fixture.given(new ObjectCreated(OBJECT, FACTS, PUT), hold)
                .when(new RecordObjectExpired(OBJECT, FACTS, LifecycleScope.CURRENT, false, expiry))
                .expectEvents(new ObjectExpired(OBJECT, FACTS, LifecycleScope.CURRENT, false, expiry),
                        new RetentionViolated(OBJECT, FACTS, Instant.parse("2026-11-27T00:00:00Z"), true, "hold", expiry));
    }

    @Test
    void lateCreateAfterDeleteDoesNotResurrectObject() {
        ChangeContext earlierPut = change("put-0", "ObjectCreated:Put", "2026-11-26T21:50:00Z");

        fixture.given(new ObjectCreated(OBJECT, FACTS, PUT), new ObjectRemoved(OBJECT, FACTS, false, DELETE))
                .when(new RecordObjectCreated(OBJECT, FACTS, earlierPut))
                .expectEvents(new ObjectCreated(OBJECT, FACTS, earlierPut))
                .expectState(lifecycle -> org.assertj.core.api.Assertions.assertThat(lifecycle.current().exists()).isFalse());
    }

    @Test
    void ledgerManagedRetentionSchedulesItsEnd() {
        Instant until = Instant.parse("2027-01-01T00:00:00Z");
        ChangeContext ledger = change("ret-1", "Ledger:RetentionApplied", "2026-11-26T21:53:30Z");

        fixture.given(new ObjectCreated(OBJECT, FACTS, PUT))
                .when(new RecordRetentionApplied(OBJECT, FACTS, "keep", "v1", "LEDGER", until, false, "TAG_EXPIRED", ledger))
                .expectScheduledDeadline(until, new RetentionEnds("keep", "TAG_EXPIRED", until));
    }

    @Test
    void objectLockRetentionNeedsNoDeadline() {
        ChangeContext ledger = change("ret-1", "Ledger:RetentionApplied", "2026-11-26T21:53:30Z");

        fixture.given(new ObjectCreated(OBJECT, FACTS, PUT))
                .when(new RecordRetentionApplied(OBJECT, FACTS, "lock", "v1", "GOVERNANCE",
                        Instant.parse("2027-01-01T00:00:00Z"), true, "", ledger))
                .expectNoScheduledDeadlines();
    }

    @Test
    void ledgerManagedRetentionEndsWhenItsTimeComes() {
        Instant until = Instant.now().plusSeconds(60);
        ChangeContext ledger = change("ret-1", "Ledger:RetentionApplied", "2026-11-26T21:53:30Z");

        fixture.givenCommands(new RecordObjectCreated(OBJECT, FACTS, PUT),
                        new RecordRetentionApplied(OBJECT, FACTS, "keep", "v1", "LEDGER", until, false, "DELETE", ledger))
                .whenTimeAdvancesTo(until.plusSeconds(1))
                .expectTriggeredDeadlinesWithName(RetentionEnds.DEADLINE)
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(payload -> payload instanceof RetentionEnded ended
                                && ended.disposition().equals("DELETE") && ended.retainUntil().equals(until)),
                        Matchers.andNoMore())));
    }

    private static ChangeContext change(String changeId, String eventName, String eventTime) {
        return new ChangeContext(changeId, eventName, Instant.parse(eventTime), Instant.parse("2026-11-26T22:00:00Z"),
                "51AA086BC14BB63A", "lab", "request-" + changeId, "1012-default-default", "notif-sync", "");
    }
}
