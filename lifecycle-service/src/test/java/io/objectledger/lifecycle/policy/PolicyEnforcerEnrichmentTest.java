package io.objectledger.lifecycle.policy;

import io.objectledger.events.lifecycle.LifecycleEvent;
import io.objectledger.events.lifecycle.ObjectCreated;
import io.objectledger.events.lifecycle.ObjectDescribed;
import io.objectledger.events.lifecycle.ObjectRemoved;
import io.objectledger.events.lifecycle.LifecycleEventType;
import io.objectledger.events.lifecycle.ObjectTransitioned;
import io.objectledger.events.lifecycle.StateAfter;
import io.objectledger.events.lifecycle.TagsApplied;
import io.objectledger.events.object.ChangeContext;
import io.objectledger.events.object.LifecycleScope;
import io.objectledger.events.object.ObjectFacts;
import io.objectledger.events.object.ObjectIdentity;
import io.objectledger.events.object.Sha256;
import io.objectledger.lifecycle.command.RecordDescriptionFailed;
import io.objectledger.lifecycle.command.RecordObjectDescribed;
import io.objectledger.lifecycle.command.RecordTaggingFailed;
import io.objectledger.lifecycle.command.RecordTagsApplied;
import io.objectledger.lifecycle.s3.ObjectStore;
import io.objectledger.support.events.ReceivedLifecycleEvent;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.DefaultAwsResponseMetadata;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3ResponseMetadata;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The enforcer on a scripted S3 gateway: when it describes an object, what it records, how it retries. */
class PolicyEnforcerEnrichmentTest {

    private static final ObjectIdentity OBJECT = new ObjectIdentity("photos", "reports/q4.pdf");
    private static final ObjectFacts NOTIFIED = new ObjectFacts(24, "8dd5067d1c62a18c414da9ef1f1dbde6", "",
            Map.of("department", "finance"), Map.of("existing", "yes"));
    private static final ChangeContext PUT = new ChangeContext("put-1", "ObjectCreated:Put",
            Instant.parse("2026-11-26T21:53:21.983440Z"), Instant.parse("2026-11-26T21:53:22Z"), "51AA", "lab",
            "rgw-request-1", "1012-default-default", "ledger", "");
    private static final StateAfter PRESENT = new StateAfter(StateAfter.Presence.PRESENT, "", NOTIFIED,
            PUT.eventTime(), 1);
    private static final Instant LAST_MODIFIED = Instant.parse("2026-11-26T21:53:21Z");
    private static final Enrichment ON = new Enrichment(true, List.of("*"));

    private final ScriptedS3 s3 = new ScriptedS3();
    private final RecordingGateway commands = new RecordingGateway();

    @Test
    void createdObjectIsDescribedWithWhatHeadObjectAnswered() {
        s3.heads.add(() -> head("application/pdf", 4096L, "v-head", "req-head-1"));

        enforcer(Policy.NONE, ON, 6).enforce(received("event-1", created()));

        assertThat(commands.sent).hasSize(1).first().isInstanceOfSatisfying(RecordObjectDescribed.class, described -> {
            assertThat(described.object()).isEqualTo(OBJECT);
            assertThat(described.facts()).isEqualTo(new ObjectFacts(4096, "9b2cf535f27731c974343645a3985328", "v-head",
                    Map.of("department", "finance"), NOTIFIED.tags(), "application/pdf"));
            assertThat(described.lastModified()).isEqualTo(LAST_MODIFIED);
            assertThat(described.change().requestId()).isEqualTo("req-head-1");
            assertThat(described.change().eventName()).isEqualTo("Ledger:ObjectDescribed");
            assertThat(described.change().principalId()).isEqualTo("object-ledger");
        });
        assertThat(s3.headRequests).singleElement().satisfies(request -> {
            assertThat(request.bucket()).isEqualTo("photos");
            assertThat(request.key()).isEqualTo("reports/q4.pdf");
            assertThat(request.versionId()).isNull();
        });
    }

    @Test
    void redeliveredEventIsDescribedUnderTheSameChangeId() {
        s3.heads.add(() -> head("text/plain", 24L, null, "req-a"));
        s3.heads.add(() -> head("text/plain", 24L, null, "req-b"));
        s3.heads.add(() -> head("text/plain", 24L, null, "req-c"));
        PolicyEnforcer enforcer = enforcer(Policy.NONE, ON, 6);

        enforcer.enforce(received("event-1", created()));
        enforcer.enforce(received("event-1", created()));
        enforcer.enforce(received("event-2", created()));

        assertThat(commands.sent).extracting(command -> ((RecordObjectDescribed) command).change().changeId())
                .hasSize(3).satisfies(ids -> {
                    assertThat(ids.get(0)).isEqualTo(ids.get(1));
                    assertThat(ids.get(2)).isNotEqualTo(ids.get(0));
                });
    }

    @Test
    void missingObjectIsRetriedWithEachAttemptRecordedUntilTheLastGivesUp() {
        for (int i = 0; i < 3; i++) {
            s3.heads.add(() -> failure(404, "NoSuchKey"));
        }

        enforcer(Policy.NONE, ON, 3).enforce(received("event-1", created()));

        assertThat(commands.sent).hasSize(3).allSatisfy(command -> assertThat(command)
                .isInstanceOf(RecordDescriptionFailed.class));
        List<RecordDescriptionFailed> failures = commands.sent.stream().map(RecordDescriptionFailed.class::cast).toList();
        assertThat(failures).extracting(RecordDescriptionFailed::attempt).containsExactly(1, 2, 3);
        assertThat(failures).extracting(RecordDescriptionFailed::willRetry).containsExactly(true, true, false);
        assertThat(failures.get(0).error()).contains("404").contains("NoSuchKey");
        assertThat(failures.get(0).facts()).isEqualTo(NOTIFIED);
        assertThat(failures).extracting(failure -> failure.change().changeId()).doesNotHaveDuplicates();
        assertThat(s3.headRequests).hasSize(3);
    }

    @Test
    void failureThatPassesIsFollowedByTheDescription() {
        s3.heads.add(() -> failure(503, "SlowDown"));
        s3.heads.add(() -> head("image/png", 24L, null, "req-2"));

        enforcer(Policy.NONE, ON, 6).enforce(received("event-1", created()));

        assertThat(commands.sent).hasSize(2);
        assertThat(commands.sent.get(0)).isInstanceOfSatisfying(RecordDescriptionFailed.class, failed -> {
            assertThat(failed.attempt()).isEqualTo(1);
            assertThat(failed.willRetry()).isTrue();
        });
        assertThat(commands.sent.get(1)).isInstanceOfSatisfying(RecordObjectDescribed.class, described ->
                assertThat(described.facts().contentType()).isEqualTo("image/png"));
    }

    @Test
    void accessDeniedIsAFinalFailure() {
        s3.heads.add(() -> failure(403, "AccessDenied"));

        enforcer(Policy.NONE, ON, 6).enforce(received("event-1", created()));

        assertThat(commands.sent).singleElement().isInstanceOfSatisfying(RecordDescriptionFailed.class, failed ->
                assertThat(failed.willRetry()).isFalse());
    }

    @Test
    void oneHeadObjectServesTheContentTypeRuleAndTheRecord() {
        Policy pdfOnly = new Policy("p1", List.of(new TaggingRule("pdf", new Match(null, null, null, null,
                "application/pdf", null, null, null, null), Map.of("kind", "document"))), List.of());
        s3.heads.add(() -> head("application/pdf", 24L, null, "req-head"));

        enforcer(pdfOnly, ON, 6).enforce(received("event-1", created()));

        assertThat(s3.headRequests).hasSize(1);
        assertThat(commands.sent).hasSize(2);
        assertThat(commands.sent.get(0)).isInstanceOf(RecordObjectDescribed.class);
        assertThat(commands.sent.get(1)).isInstanceOfSatisfying(RecordTagsApplied.class, tagged ->
                assertThat(tagged.applied()).isEqualTo(Map.of("kind", "document")));
    }

    @Test
    void rulesWithoutAContentTypeActBeforeTheDescription() {
        Policy everything = new Policy("p1", List.of(new TaggingRule("all", Match.everything(),
                Map.of("seen", "yes"))), List.of());
        s3.heads.add(() -> head("application/pdf", 24L, null, "req-head"));

        enforcer(everything, ON, 6).enforce(received("event-1", created()));

        assertThat(commands.sent).hasSize(2);
        assertThat(commands.sent.get(0)).isInstanceOf(RecordTagsApplied.class);
        assertThat(commands.sent.get(1)).isInstanceOfSatisfying(RecordObjectDescribed.class, described ->
                assertThat(described.facts().contentType()).isEqualTo("application/pdf"));
    }

    @Test
    void taggingFailuresAreRecordedPerAttemptUnderIdsDerivedFromTheirCause() {
        Policy everything = new Policy("p1", List.of(new TaggingRule("all", Match.everything(),
                Map.of("seen", "yes"))), List.of());
        s3.putTaggings.add(() -> failure(503, "SlowDown"));
        s3.putTaggings.add(() -> failure(500, "InternalError"));

        enforcer(everything, Enrichment.OFF, 6).enforce(received("event-1", created()));

        assertThat(commands.sent).hasSize(3);
        List<RecordTaggingFailed> failures = commands.sent.subList(0, 2).stream().map(RecordTaggingFailed.class::cast)
                .toList();
        assertThat(failures).extracting(RecordTaggingFailed::attempt).containsExactly(1, 2);
        assertThat(failures).extracting(RecordTaggingFailed::willRetry).containsExactly(true, true);
        assertThat(failures).extracting(failure -> failure.change().changeId()).containsExactly(
                Sha256.hex("Ledger:TaggingFailed\u0000event-1\u0000all\u00001"),
                Sha256.hex("Ledger:TaggingFailed\u0000event-1\u0000all\u00002"));
        assertThat(commands.sent.get(2)).isInstanceOfSatisfying(RecordTagsApplied.class, tagged -> {
            assertThat(tagged.change().changeId()).isEqualTo(Sha256.hex("Ledger:TagsApplied\u0000event-1\u0000all\u00000"));
            assertThat(tagged.change().opaqueData()).isEqualTo("p1");
            assertThat(tagged.change().requestId()).isEqualTo("req-tagging");
        });
    }

    @Test
    void withEnrichmentOffNothingIsDescribedOrRecorded() {
        enforcer(Policy.NONE, Enrichment.OFF, 6).enforce(received("event-1", created()));

        assertThat(s3.headRequests).isEmpty();
        assertThat(commands.sent).isEmpty();
    }

    @Test
    void withoutRulesOrEnrichmentOnlyRetentionEndsAreWorthDecoding() {
        PolicyEnforcer idle = enforcer(Policy.NONE, Enrichment.OFF, 6);

        assertThat(idle.concerns(LifecycleEventType.OBJECT_CREATED.cloudEventType())).isFalse();
        assertThat(idle.concerns(LifecycleEventType.RETENTION_ENDED.cloudEventType())).isTrue();
        assertThat(enforcer(Policy.NONE, ON, 6).concerns(LifecycleEventType.OBJECT_CREATED.cloudEventType())).isTrue();
    }

    @Test
    void onlyChangesThatLeftFactsOutOfAnObjectStillThereAreDescribed() {
        ObjectFacts sizeless = new ObjectFacts(0, NOTIFIED.eTag(), "v1", Map.of(), Map.of());
        ChangeContext transition = new ChangeContext("transition-1", "ObjectLifecycle:Transition:Current",
                Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:01Z"), "", "", "", "", "", "");
        StateAfter gone = new StateAfter(StateAfter.Presence.ABSENT, "", null, PUT.eventTime(), 0);

        assertThat(ON.wanted(created())).isTrue();
        assertThat(ON.wanted(new ObjectTransitioned(OBJECT, sizeless, LifecycleScope.CURRENT, transition, PRESENT)))
                .isTrue();
        assertThat(ON.wanted(new ObjectTransitioned(OBJECT, NOTIFIED, LifecycleScope.CURRENT, transition, PRESENT)))
                .as("a transition that reported the size").isFalse();
        assertThat(ON.wanted(new ObjectCreated(OBJECT, NOTIFIED, PUT, gone))).as("a late create of a deleted object")
                .isFalse();
        assertThat(ON.wanted(new ObjectRemoved(OBJECT, sizeless, false, transition, gone))).isFalse();
        assertThat(ON.wanted(new ObjectDescribed(OBJECT, sizeless, LAST_MODIFIED, transition, PRESENT)))
                .as("the ledger's own events").isFalse();
        assertThat(ON.wanted(new TagsApplied(OBJECT, sizeless, Map.of(), "r", "p", transition, PRESENT))).isFalse();
        assertThat(new Enrichment(true, List.of("it-policy-*", " archive ")).wanted(created())).isFalse();
        assertThat(new Enrichment(true, List.of("it-policy-*", " photos ")).wanted(created())).isTrue();
        assertThat(new Enrichment(false, List.of("*")).wanted(created())).isFalse();
    }

    private PolicyEnforcer enforcer(Policy policy, Enrichment enrichment, int maxAttempts) {
        return new PolicyEnforcer(policy, enrichment, new ObjectStore(s3), commands,
                new S3Retry(maxAttempts, Duration.ZERO, Duration.ofSeconds(30)));
    }

    private static ObjectCreated created() {
        return new ObjectCreated(OBJECT, NOTIFIED, PUT, PRESENT);
    }

    private static ReceivedLifecycleEvent received(String id, LifecycleEvent event) {
        return new ReceivedLifecycleEvent(id, "io.objectledger.object.x.v1", 0, event);
    }

    private static HeadObjectResponse head(String contentType, long length, String versionId, String requestId) {
        return (HeadObjectResponse) HeadObjectResponse.builder().contentType(contentType).contentLength(length)
                .eTag("\"9b2cf535f27731c974343645a3985328\"").lastModified(LAST_MODIFIED)
                .metadata(Map.of("department", "finance")).versionId(versionId)
                .responseMetadata(S3ResponseMetadata.create(DefaultAwsResponseMetadata.create(
                        Map.of("x-amz-request-id", requestId))))
                .build();
    }

    private static <T> T failure(int status, String code) {
        throw S3Exception.builder().statusCode(status).awsErrorDetails(AwsErrorDetails.builder().errorCode(code)
                .errorMessage(code).build()).build();
    }
}
