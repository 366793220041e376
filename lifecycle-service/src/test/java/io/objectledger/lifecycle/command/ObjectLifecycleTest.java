package io.objectledger.lifecycle.command;

import io.objectledger.events.command.RecordObjectCreated;
import io.objectledger.events.command.RecordObjectExpired;
import io.objectledger.events.command.RecordObjectRemoved;
import io.objectledger.events.command.RecordObjectTransitioned;
import io.objectledger.events.lifecycle.DescriptionFailed;
import io.objectledger.events.lifecycle.ObjectCreated;
import io.objectledger.events.lifecycle.ObjectDescribed;
import io.objectledger.events.lifecycle.ObjectExpired;
import io.objectledger.events.lifecycle.ObjectRemoved;
import io.objectledger.events.lifecycle.ObjectTransitioned;
import io.objectledger.events.lifecycle.RetentionApplied;
import io.objectledger.events.lifecycle.RetentionEnded;
import io.objectledger.events.lifecycle.RetentionViolated;
import io.objectledger.events.lifecycle.StateAfter;
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
    private static final StateAfter PRESENT_AFTER_PUT = present("", FACTS, PUT, 1);
    private static final StateAfter ABSENT_AFTER_DELETE = absent("", DELETE, 0);

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
                .expectEvents(new ObjectCreated(OBJECT, FACTS, PUT, PRESENT_AFTER_PUT));
    }

    @Test
    void deleteOfACreatedObjectRecordsObjectRemoved() {
        fixture.given(new ObjectCreated(OBJECT, FACTS, PUT, PRESENT_AFTER_PUT))
                .when(new RecordObjectRemoved(OBJECT, FACTS, false, DELETE))
                .expectEvents(new ObjectRemoved(OBJECT, FACTS, false, DELETE, ABSENT_AFTER_DELETE));
    }

    @Test
    void deleteMarkerIsRecordedAsSuch() {
        fixture.given(new ObjectCreated(OBJECT, FACTS, PUT, PRESENT_AFTER_PUT))
                .when(new RecordObjectRemoved(OBJECT, FACTS, true, MARKER))
                .expectEvents(new ObjectRemoved(OBJECT, FACTS, true, MARKER, absent("", MARKER, 1)));
    }

    @Test
    void deleteArrivingBeforeAnyCreateIsStillRecorded() {
        fixture.givenNoPriorActivity()
                .when(new RecordObjectRemoved(OBJECT, FACTS, false, DELETE))
                .expectEvents(new ObjectRemoved(OBJECT, FACTS, false, DELETE, ABSENT_AFTER_DELETE));
    }

    @Test
    void redeliveredCreateRecordsNothing() {
        fixture.given(new ObjectCreated(OBJECT, FACTS, PUT, PRESENT_AFTER_PUT))
                .when(new RecordObjectCreated(OBJECT, FACTS, PUT))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(ChangeOutcome.DUPLICATE)
                .expectNoEvents();
    }

    @Test
    void redeliveredDeleteRecordsNothing() {
        fixture.given(new ObjectCreated(OBJECT, FACTS, PUT, PRESENT_AFTER_PUT),
                        new ObjectRemoved(OBJECT, FACTS, false, DELETE, ABSENT_AFTER_DELETE))
                .when(new RecordObjectRemoved(OBJECT, FACTS, false, DELETE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void lateCreateAfterDeleteIsKeptInHistory() {
        ChangeContext earlierPut = change("put-0", "ObjectCreated:Put", "2026-11-26T21:50:00Z");

        fixture.given(new ObjectRemoved(OBJECT, FACTS, false, DELETE, ABSENT_AFTER_DELETE))
                .when(new RecordObjectCreated(OBJECT, FACTS, earlierPut))
                .expectEvents(new ObjectCreated(OBJECT, FACTS, earlierPut, ABSENT_AFTER_DELETE));
    }

    @Test
    void lifecycleExpirationIsRecordedAsExpiryNotDelete() {
        ChangeContext expiry = change("expiry-1", "ObjectLifecycle:Expiration:Current", "2026-12-26T00:00:00Z");

        fixture.given(new ObjectCreated(OBJECT, FACTS, PUT, PRESENT_AFTER_PUT))
                .when(new RecordObjectExpired(OBJECT, FACTS, LifecycleScope.CURRENT, false, expiry))
                .expectEvents(new ObjectExpired(OBJECT, FACTS, LifecycleScope.CURRENT, false, expiry, absent("", expiry, 0)));
    }

    @Test
    void transitionIsRecorded() {
        ChangeContext transition = change("transition-1", "ObjectLifecycle:Transition:Current", "2026-12-01T00:00:00Z");

        fixture.given(new ObjectCreated(OBJECT, FACTS, PUT, PRESENT_AFTER_PUT))
                .when(new RecordObjectTransitioned(OBJECT, FACTS, LifecycleScope.CURRENT, transition))
                .expectEvents(new ObjectTransitioned(OBJECT, FACTS, LifecycleScope.CURRENT, transition,
                        present("", FACTS, transition, 1)));
    }

    @Test
    void redeliveredExpiryRecordsNothing() {
        ChangeContext expiry = change("expiry-1", "ObjectLifecycle:Expiration:NonCurrent", "2026-12-26T00:00:00Z");

        fixture.given(new ObjectCreated(OBJECT, FACTS, PUT, PRESENT_AFTER_PUT),
                        new ObjectExpired(OBJECT, FACTS, LifecycleScope.NONCURRENT, false, expiry, PRESENT_AFTER_PUT))
                .when(new RecordObjectExpired(OBJECT, FACTS, LifecycleScope.NONCURRENT, false, expiry))
                .expectResultMessagePayload(ChangeOutcome.DUPLICATE)
                .expectNoEvents();
    }

    @Test
    void tagsAppliedByTheLedgerAreRecordedOnce() {
        ChangeContext ledger = change("tags-1", "Ledger:TagsApplied", "2026-11-26T21:53:30Z");
        ObjectFacts tagged = new ObjectFacts(24, FACTS.eTag(), "", FACTS.metadata(), Map.of("project", "beta", "class", "x"));
        RecordTagsApplied command = new RecordTagsApplied(OBJECT, tagged, Map.of("class", "x"), "rule", "v1", ledger);
        TagsApplied applied = new TagsApplied(OBJECT, tagged, Map.of("class", "x"), "rule", "v1", ledger,
                present("", tagged, PUT, 1));

        fixture.given(new ObjectCreated(OBJECT, FACTS, PUT, PRESENT_AFTER_PUT)).when(command).expectEvents(applied);
        fixture.given(new ObjectCreated(OBJECT, FACTS, PUT, PRESENT_AFTER_PUT), applied).when(command).expectNoEvents();
    }

    @Test
    void failedTaggingIsRecorded() {
        ChangeContext ledger = change("fail-1", "Ledger:TaggingFailed", "2026-11-26T21:53:30Z");

        fixture.given(new ObjectCreated(OBJECT, FACTS, PUT, PRESENT_AFTER_PUT))
                .when(new RecordTaggingFailed(OBJECT, FACTS, "rule", "v1", "503 SlowDown", 1, true, ledger))
                .expectEvents(new TaggingFailed(OBJECT, FACTS, "rule", "v1", "503 SlowDown", 1, true, ledger,
                        PRESENT_AFTER_PUT));
    }

    // HeadObject's answer for the object of PUT: the notification said nothing of the content type.
    private static final ObjectFacts HEAD = new ObjectFacts(24, FACTS.eTag(), "", Map.of("color", "red"),
            Map.of("project", "beta"), "application/pdf");
    private static final Instant LAST_MODIFIED = Instant.parse("2026-11-26T21:53:21Z");
    private static final ChangeContext DESCRIBE = change("describe-1", "Ledger:ObjectDescribed", "2026-11-26T21:53:25Z");

    @Test
    void descriptionGivesTheCurrentVersionItsContentType() {
        fixture.given(new ObjectCreated(OBJECT, FACTS, PUT, PRESENT_AFTER_PUT))
                .when(new RecordObjectDescribed(OBJECT, HEAD, LAST_MODIFIED, DESCRIBE))
                .expectResultMessagePayload(ChangeOutcome.RECORDED)
                .expectEvents(new ObjectDescribed(OBJECT, HEAD, LAST_MODIFIED, DESCRIBE, present("", HEAD, PUT, 1)));
    }

    @Test
    void descriptionCorrectsTheSizeZeroATransitionReported() {
        ChangeContext transition = change("transition-1", "ObjectLifecycle:Transition:Current", "2026-11-26T21:53:23Z");
        ObjectFacts sizeless = new ObjectFacts(0, FACTS.eTag(), "", FACTS.metadata(), FACTS.tags());
        ChangeContext afterTransition = change("describe-2", "Ledger:ObjectDescribed", "2026-11-26T21:53:30Z");

        fixture.given(new ObjectCreated(OBJECT, FACTS, PUT, PRESENT_AFTER_PUT),
                        new ObjectTransitioned(OBJECT, sizeless, LifecycleScope.CURRENT, transition,
                                present("", sizeless, transition, 1)))
                .when(new RecordObjectDescribed(OBJECT, HEAD, LAST_MODIFIED, afterTransition))
                .expectEvents(new ObjectDescribed(OBJECT, HEAD, LAST_MODIFIED, afterTransition,
                        present("", HEAD, transition, 1)))
                .expectState(lifecycle -> org.assertj.core.api.Assertions.assertThat(lifecycle.current().facts().size())
                        .isEqualTo(24));
    }

    @Test
    void descriptionKeepsTheTagsTheLedgerApplied() {
        ChangeContext tagging = change("tags-1", "Ledger:TagsApplied", "2026-11-26T21:53:24Z");
        Map<String, String> tagsNow = Map.of("project", "beta", "class", "x");
        ObjectFacts tagged = FACTS.withTags(tagsNow);
        ChangeContext laterDescribe = change("describe-3", "Ledger:ObjectDescribed", "2026-11-26T21:53:26Z");

        fixture.given(new ObjectCreated(OBJECT, FACTS, PUT, PRESENT_AFTER_PUT),
                        new TagsApplied(OBJECT, tagged, Map.of("class", "x"), "rule", "v1", tagging,
                                present("", tagged, PUT, 1)))
                .when(new RecordObjectDescribed(OBJECT, HEAD, LAST_MODIFIED, laterDescribe))
                .expectEvents(new ObjectDescribed(OBJECT, HEAD, LAST_MODIFIED, laterDescribe,
                        present("", HEAD.withTags(tagsNow), PUT, 1)));
    }

    @Test
    void redeliveredDescriptionRecordsNothing() {
        fixture.given(new ObjectCreated(OBJECT, FACTS, PUT, PRESENT_AFTER_PUT),
                        new ObjectDescribed(OBJECT, HEAD, LAST_MODIFIED, DESCRIBE, present("", HEAD, PUT, 1)))
                .when(new RecordObjectDescribed(OBJECT, HEAD, LAST_MODIFIED, DESCRIBE))
                .expectResultMessagePayload(ChangeOutcome.DUPLICATE)
                .expectNoEvents();
    }

    @Test
    void failedDescriptionIsRecordedAndLeavesTheFactsAsTheyWere() {
        ChangeContext failure = change("describe-fail-1", "Ledger:DescriptionFailed", "2026-11-26T21:53:25Z");

        fixture.given(new ObjectCreated(OBJECT, FACTS, PUT, PRESENT_AFTER_PUT))
                .when(new RecordDescriptionFailed(OBJECT, FACTS, "404 NoSuchKey: not found", 1, true, failure))
                .expectEvents(new DescriptionFailed(OBJECT, FACTS, "404 NoSuchKey: not found", 1, true, failure,
                        PRESENT_AFTER_PUT));
    }

    @Test
    void descriptionOfANoncurrentVersionLeavesTheCurrentFactsAlone() {
        ObjectFacts headV1 = new ObjectFacts(24, FACTS_V1.eTag(), V1, Map.of("rev", "1"), Map.of(), "text/plain");

        fixture.given(putV1(), putV2())
                .when(new RecordObjectDescribed(OBJECT, headV1, LAST_MODIFIED, DESCRIBE))
                .expectEvents(new ObjectDescribed(OBJECT, headV1, LAST_MODIFIED, DESCRIBE,
                        present(V2, FACTS_V2, PUT_V2, 2)));
    }

    @Test
    void removalBeforeRetainUntilIsARetentionViolation() {
        RetentionApplied retention = new RetentionApplied(OBJECT, FACTS, "keep", "v1", "LEDGER",
                Instant.parse("2027-01-01T00:00:00Z"), false, "TAG_EXPIRED", change("ret-1", "Ledger:RetentionApplied",
                "2026-11-26T21:53:30Z"), PRESENT_AFTER_PUT);

        fixture.given(new ObjectCreated(OBJECT, FACTS, PUT, PRESENT_AFTER_PUT), retention)
                .when(new RecordObjectRemoved(OBJECT, FACTS, false, DELETE))
                .expectEvents(new ObjectRemoved(OBJECT, FACTS, false, DELETE, ABSENT_AFTER_DELETE),
                        new RetentionViolated(OBJECT, FACTS, Instant.parse("2027-01-01T00:00:00Z"), false, "keep", DELETE,
                                ABSENT_AFTER_DELETE));
    }

    @Test
    void removalAfterRetainUntilIsNoViolation() {
        RetentionApplied retention = new RetentionApplied(OBJECT, FACTS, "keep", "v1", "LEDGER",
                Instant.parse("2026-11-26T21:53:50Z"), false, "TAG_EXPIRED", change("ret-1", "Ledger:RetentionApplied",
                "2026-11-26T21:53:30Z"), PRESENT_AFTER_PUT);

        fixture.given(new ObjectCreated(OBJECT, FACTS, PUT, PRESENT_AFTER_PUT), retention)
                .when(new RecordObjectRemoved(OBJECT, FACTS, false, DELETE))
                .expectEvents(new ObjectRemoved(OBJECT, FACTS, false, DELETE, ABSENT_AFTER_DELETE));
    }

    @Test
    void deleteMarkerUnderLegalHoldIsNoViolation() {
        RetentionApplied hold = new RetentionApplied(OBJECT, FACTS, "hold", "v1", "GOVERNANCE",
                Instant.parse("2026-11-27T00:00:00Z"), true, "", change("ret-1", "Ledger:RetentionApplied",
                "2026-11-26T21:53:30Z"), PRESENT_AFTER_PUT);

        fixture.given(new ObjectCreated(OBJECT, FACTS, PUT, PRESENT_AFTER_PUT), hold)
                .when(new RecordObjectRemoved(OBJECT, FACTS, true, MARKER))
                .expectEvents(new ObjectRemoved(OBJECT, FACTS, true, MARKER, absent("", MARKER, 1)));
    }

    @Test
    void lifecycleExpiryUnderLegalHoldIsAViolation() {
        RetentionApplied hold = new RetentionApplied(OBJECT, FACTS, "hold", "v1", "GOVERNANCE",
                Instant.parse("2026-11-27T00:00:00Z"), true, "", change("ret-1", "Ledger:RetentionApplied",
                "2026-11-26T21:53:30Z"), PRESENT_AFTER_PUT);
        ChangeContext expiry = change("expiry-1", "ObjectLifecycle:Expiration:Current", "2026-12-26T00:00:00Z");

        fixture.given(new ObjectCreated(OBJECT, FACTS, PUT, PRESENT_AFTER_PUT), hold)
                .when(new RecordObjectExpired(OBJECT, FACTS, LifecycleScope.CURRENT, false, expiry))
                .expectEvents(new ObjectExpired(OBJECT, FACTS, LifecycleScope.CURRENT, false, expiry, absent("", expiry, 0)),
                        new RetentionViolated(OBJECT, FACTS, Instant.parse("2026-11-27T00:00:00Z"), true, "hold", expiry,
                                absent("", expiry, 0)));
    }

    @Test
    void lateCreateAfterDeleteDoesNotResurrectObject() {
        ChangeContext earlierPut = change("put-0", "ObjectCreated:Put", "2026-11-26T21:50:00Z");

        fixture.given(new ObjectCreated(OBJECT, FACTS, PUT, PRESENT_AFTER_PUT),
                        new ObjectRemoved(OBJECT, FACTS, false, DELETE, ABSENT_AFTER_DELETE))
                .when(new RecordObjectCreated(OBJECT, FACTS, earlierPut))
                .expectEvents(new ObjectCreated(OBJECT, FACTS, earlierPut, ABSENT_AFTER_DELETE))
                .expectState(lifecycle -> org.assertj.core.api.Assertions.assertThat(lifecycle.current().presence())
                        .isEqualTo(StateAfter.Presence.ABSENT));
    }

    @Test
    void ledgerManagedRetentionSchedulesItsEnd() {
        Instant until = Instant.parse("2027-01-01T00:00:00Z");
        ChangeContext ledger = change("ret-1", "Ledger:RetentionApplied", "2026-11-26T21:53:30Z");

        fixture.given(new ObjectCreated(OBJECT, FACTS, PUT, PRESENT_AFTER_PUT))
                .when(new RecordRetentionApplied(OBJECT, FACTS, "keep", "v1", "LEDGER", until, false, "TAG_EXPIRED", ledger))
                .expectScheduledDeadline(until, new RetentionEnds("keep", "TAG_EXPIRED", until));
    }

    @Test
    void objectLockRetentionNeedsNoDeadline() {
        ChangeContext ledger = change("ret-1", "Ledger:RetentionApplied", "2026-11-26T21:53:30Z");

        fixture.given(new ObjectCreated(OBJECT, FACTS, PUT, PRESENT_AFTER_PUT))
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

    // Versioned bucket, as RGW 16.2.15 reported it (fixtures 15..19): the marker's id appears only on its removal.
    private static final String V1 = "wbwmOTD5TWmNFcoTm994z2XtJhXyB21";
    private static final String V2 = "gYU4nVzdGvG-9.Je6GsYsoT92qfOdEM";
    private static final String MARKER_ID = "XHlWgjS3OMPAtrg.Lb8n-3t0TJjYOiE";
    private static final ObjectFacts FACTS_V1 = new ObjectFacts(24, "8dd5067d1c62a18c414da9ef1f1dbde6", V1,
            Map.of("rev", "1"), Map.of());
    private static final ObjectFacts FACTS_V2 = new ObjectFacts(15, "27f60b341727cb8ed1de139b0da7c173", V2,
            Map.of("rev", "2"), Map.of());
    private static final ObjectFacts FACTS_HIDDEN = new ObjectFacts(15, FACTS_V2.eTag(), "", Map.of("rev", "2"), Map.of());
    private static final StateAfter NO_VERSION_LEFT = new StateAfter(StateAfter.Presence.ABSENT, "", null, null, 0);
    private static final ObjectFacts FACTS_MARKER = new ObjectFacts(0, "", MARKER_ID, Map.of(), Map.of());
    private static final ChangeContext PUT_V1 = change("put-v1", "ObjectCreated:Put", "2026-11-26T21:54:16.043418Z");
    private static final ChangeContext PUT_V2 = change("put-v2", "ObjectCreated:Put", "2026-11-26T21:54:18.374649Z");
    private static final ChangeContext HIDE = change("hide", "ObjectRemoved:DeleteMarkerCreated", "2026-11-26T21:54:20.213248Z");
    private static final ChangeContext UNHIDE = change("unhide", "ObjectRemoved:Delete", "2026-11-26T21:54:23.253909Z");
    private static final ChangeContext DELETE_V1 = change("delete-v1", "ObjectRemoved:Delete", "2026-11-26T21:54:24.923958Z");
    private static final ChangeContext DELETE_V2 = change("delete-v2", "ObjectRemoved:Delete", "2026-11-26T21:54:25Z");

    private static ObjectCreated putV1() {
        return new ObjectCreated(OBJECT, FACTS_V1, PUT_V1, present(V1, FACTS_V1, PUT_V1, 1));
    }

    private static ObjectCreated putV2() {
        return new ObjectCreated(OBJECT, FACTS_V2, PUT_V2, present(V2, FACTS_V2, PUT_V2, 2));
    }

    @Test
    void deleteMarkerHidesTheCurrentVersion() {
        fixture.given(putV1(), putV2())
                .when(new RecordObjectRemoved(OBJECT, FACTS_HIDDEN, true, HIDE))
                .expectEvents(new ObjectRemoved(OBJECT, FACTS_HIDDEN, true, HIDE, absent("", HIDE, 2)));
    }

    @Test
    void removingTheDeleteMarkerByItsIdBringsBackTheVersionBelow() {
        fixture.given(putV1(), putV2(), new ObjectRemoved(OBJECT, FACTS_HIDDEN, true, HIDE, absent("", HIDE, 2)))
                .when(new RecordObjectRemoved(OBJECT, FACTS_MARKER, false, UNHIDE))
                .expectEvents(new ObjectRemoved(OBJECT, FACTS_MARKER, false, UNHIDE, present(V2, FACTS_V2, PUT_V2, 2)));
    }

    @Test
    void removingANoncurrentVersionLeavesTheCurrentOne() {
        fixture.given(putV1(), putV2(), new ObjectRemoved(OBJECT, FACTS_HIDDEN, true, HIDE, absent("", HIDE, 2)),
                        new ObjectRemoved(OBJECT, FACTS_MARKER, false, UNHIDE, present(V2, FACTS_V2, PUT_V2, 2)))
                .when(new RecordObjectRemoved(OBJECT, FACTS_V1, false, DELETE_V1))
                .expectEvents(new ObjectRemoved(OBJECT, FACTS_V1, false, DELETE_V1, present(V2, FACTS_V2, PUT_V2, 1)));
    }

    @Test
    void removingTheCurrentVersionMakesThePreviousOneCurrent() {
        fixture.given(putV1(), putV2())
                .when(new RecordObjectRemoved(OBJECT, FACTS_V2, false, DELETE_V2))
                .expectEvents(new ObjectRemoved(OBJECT, FACTS_V2, false, DELETE_V2, present(V1, FACTS_V1, PUT_V1, 1)));
    }

    @Test
    void removingTheLastVersionLeavesTheObjectAbsent() {
        fixture.given(putV1(), putV2(), new ObjectRemoved(OBJECT, FACTS_V2, false, DELETE_V2,
                        present(V1, FACTS_V1, PUT_V1, 1)))
                .when(new RecordObjectRemoved(OBJECT, FACTS_V1, false, DELETE_V1))
                .expectEvents(new ObjectRemoved(OBJECT, FACTS_V1, false, DELETE_V1, NO_VERSION_LEFT));
    }

    @Test
    void removingTheCurrentVersionUnderADeleteMarkerLeavesTheObjectAbsent() {
        ChangeContext laterMarker = change("hide-2", "ObjectRemoved:DeleteMarkerCreated", "2026-11-26T21:54:30Z");

        fixture.given(putV1(), putV2(), new ObjectRemoved(OBJECT, FACTS_HIDDEN, true, laterMarker,
                        absent("", laterMarker, 2)))
                .when(new RecordObjectRemoved(OBJECT, FACTS_V2, false, DELETE_V2))
                .expectEvents(new ObjectRemoved(OBJECT, FACTS_V2, false, DELETE_V2, absent("", laterMarker, 1)));
    }

    @Test
    void lateCreateOfAVersionRemovedByIdDoesNotResurrectIt() {
        fixture.given(new ObjectRemoved(OBJECT, FACTS_V1, false, DELETE_V1, NO_VERSION_LEFT))
                .when(new RecordObjectCreated(OBJECT, FACTS_V1, PUT_V1))
                .expectEvents(new ObjectCreated(OBJECT, FACTS_V1, PUT_V1, NO_VERSION_LEFT));
    }

    @Test
    void markerRemovalArrivingBeforeTheMarkerStillUndoesIt() {
        fixture.given(putV1(), putV2(),
                        new ObjectRemoved(OBJECT, FACTS_MARKER, false, UNHIDE, present(V2, FACTS_V2, PUT_V2, 2)))
                .when(new RecordObjectRemoved(OBJECT, FACTS_HIDDEN, true, HIDE))
                .expectEvents(new ObjectRemoved(OBJECT, FACTS_HIDDEN, true, HIDE, present(V2, FACTS_V2, PUT_V2, 2)));
    }

    @Test
    void putInASuspendedBucketReplacesTheNullVersionAboveOlderVersions() {
        ChangeContext suspendedPut = change("put-null", "ObjectCreated:Put", "2026-11-26T21:54:28.880834Z");

        fixture.given(putV1(), new ObjectCreated(OBJECT, FACTS, PUT, PRESENT_AFTER_PUT))
                .when(new RecordObjectCreated(OBJECT, FACTS, suspendedPut))
                .expectEvents(new ObjectCreated(OBJECT, FACTS, suspendedPut, present("", FACTS, suspendedPut, 2)));
    }

    @Test
    void plainDeleteInASuspendedBucketHidesOlderVersions() {
        ChangeContext suspendedPut = change("put-null", "ObjectCreated:Put", "2026-11-26T21:54:28.880834Z");
        ChangeContext suspendedDelete = change("delete-null", "ObjectRemoved:Delete", "2026-11-26T21:54:30.524597Z");

        fixture.given(putV1(), new ObjectCreated(OBJECT, FACTS, suspendedPut, present("", FACTS, suspendedPut, 2)))
                .when(new RecordObjectRemoved(OBJECT, FACTS, false, suspendedDelete))
                .expectEvents(new ObjectRemoved(OBJECT, FACTS, false, suspendedDelete, absent("", suspendedDelete, 1)));
    }

    @Test
    void tagsAppliedToANoncurrentVersionLeaveTheCurrentFactsAlone() {
        ChangeContext ledger = change("tags-v1", "Ledger:TagsApplied", "2026-11-26T21:54:40Z");
        ObjectFacts taggedV1 = new ObjectFacts(24, FACTS_V1.eTag(), V1, Map.of("rev", "1"), Map.of("class", "x"));

        fixture.given(putV1(), putV2())
                .when(new RecordTagsApplied(OBJECT, taggedV1, Map.of("class", "x"), "rule", "v1", ledger))
                .expectEvents(new TagsApplied(OBJECT, taggedV1, Map.of("class", "x"), "rule", "v1", ledger,
                        present(V2, FACTS_V2, PUT_V2, 2)));
    }

    private static StateAfter present(String versionId, ObjectFacts facts, ChangeContext since, int versions) {
        return new StateAfter(StateAfter.Presence.PRESENT, versionId, facts, since.eventTime(), versions);
    }

    private static StateAfter absent(String versionId, ChangeContext since, int versions) {
        return new StateAfter(StateAfter.Presence.ABSENT, versionId, null, since.eventTime(), versions);
    }

    private static ChangeContext change(String changeId, String eventName, String eventTime) {
        return new ChangeContext(changeId, eventName, Instant.parse(eventTime), Instant.parse("2026-11-26T22:00:00Z"),
                "51AA086BC14BB63A", "lab", "request-" + changeId, "1012-default-default", "notif-sync", "");
    }
}
