package io.objectledger.lifecycle.policy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The S3 actions' retry policy: which failures are tried again, how often, how far apart, and what is recorded. */
class S3RetryTest {

    private final List<Long> attemptsStarted = new ArrayList<>();
    private final List<Failure> recorded = new ArrayList<>();

    private record Failure(int attempt, String error, boolean willRetry, long atNanos) {
    }

    @Test
    void aFailureThatMayPassIsTriedUpToTheLastAttemptEachRecorded() {
        Optional<String> result = new S3Retry(4, Duration.ZERO, Duration.ofSeconds(30))
                .run(failing(() -> s3Error(503, "SlowDown")), this::record);

        assertThat(result).isEmpty();
        assertThat(attemptsStarted).hasSize(4);
        assertThat(recorded).extracting(Failure::attempt).containsExactly(1, 2, 3, 4);
        assertThat(recorded).extracting(Failure::willRetry).containsExactly(true, true, true, false);
        assertThat(recorded.get(0).error()).isEqualTo("503 SlowDown: SlowDown");
    }

    @Test
    void anAttemptThatSucceedsAnswersItsResultAfterTheFailuresBeforeIt() {
        Optional<String> result = new S3Retry(6, Duration.ZERO, Duration.ofSeconds(30)).run(() -> {
            attemptsStarted.add(System.nanoTime());
            if (attemptsStarted.size() < 3) {
                throw SdkClientException.create("connection refused");
            }
            return "request-3";
        }, this::record);

        assertThat(result).contains("request-3");
        assertThat(recorded).extracting(Failure::attempt).containsExactly(1, 2);
        assertThat(recorded).extracting(Failure::willRetry).containsExactly(true, true);
        assertThat(recorded.get(0).error()).isEqualTo("connection refused");
    }

    @Test
    void aFailureThatCannotPassIsRecordedOnceAndNotTriedAgain() {
        Optional<String> denied = new S3Retry(6, Duration.ZERO, Duration.ofSeconds(30))
                .run(failing(() -> s3Error(403, "AccessDenied")), this::record);
        Optional<String> invalid = new S3Retry(6, Duration.ZERO, Duration.ofSeconds(30))
                .run(failing(() -> new PolicyException("tag value too long")), this::record);

        assertThat(denied).isEmpty();
        assertThat(invalid).isEmpty();
        assertThat(attemptsStarted).hasSize(2);
        assertThat(recorded).extracting(Failure::attempt).containsExactly(1, 1);
        assertThat(recorded).extracting(Failure::willRetry).containsExactly(false, false);
        assertThat(recorded).extracting(Failure::error).containsExactly("403 AccessDenied: AccessDenied",
                "tag value too long");
    }

    @Test
    void eachFailureIsRecordedBeforeTheBackOffThatFollowsIt() {
        new S3Retry(2, Duration.ofMillis(300), Duration.ofSeconds(30))
                .run(failing(() -> s3Error(500, "InternalError")), this::record);

        assertThat(recorded).hasSize(2);
        assertThat(TimeUnit.NANOSECONDS.toMillis(attemptsStarted.get(1) - recorded.get(0).atNanos()))
                .as("from the first failure's record to the second attempt").isGreaterThanOrEqualTo(300);
    }

    @Test
    void theBackOffDoublesFromTheFirstUpToTheCap() {
        long started = System.nanoTime();
        new S3Retry(8, Duration.ofMillis(10), Duration.ofMillis(20))
                .run(failing(() -> s3Error(404, "NoSuchKey")), this::record);
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(attemptsStarted).hasSize(8);
        List<Long> gapsMs = new ArrayList<>();
        for (int i = 1; i < attemptsStarted.size(); i++) {
            gapsMs.add(TimeUnit.NANOSECONDS.toMillis(attemptsStarted.get(i) - attemptsStarted.get(i - 1)));
        }
        assertThat(gapsMs.get(0)).isGreaterThanOrEqualTo(10);
        assertThat(gapsMs.subList(1, gapsMs.size())).allSatisfy(gap -> assertThat(gap).isGreaterThanOrEqualTo(20));
        // Uncapped, the seven back-offs would add up to 1,270 ms; capped they are 130 ms.
        assertThat(elapsedMs).isLessThan(1_000);
    }

    @Test
    void aFailureThatCannotBeRecordedEndsTheAction() {
        S3Retry retry = new S3Retry(6, Duration.ZERO, Duration.ofSeconds(30));

        assertThatThrownBy(() -> retry.run(failing(() -> s3Error(503, "SlowDown")), (attempt, error, willRetry) -> {
            throw new IllegalStateException("event store down (test)");
        })).isInstanceOf(IllegalStateException.class).hasMessage("event store down (test)");
        assertThat(attemptsStarted).hasSize(1);
    }

    @Test
    void anInterruptedBackOffEndsTheActionAndKeepsTheInterrupt() {
        S3Retry retry = new S3Retry(6, Duration.ofSeconds(30), Duration.ofSeconds(60));
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> retry.run(failing(() -> s3Error(503, "SlowDown")), this::record))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(recorded).singleElement().satisfies(failure -> assertThat(failure.willRetry()).isTrue());
    }

    private void record(int attempt, String error, boolean willRetry) {
        recorded.add(new Failure(attempt, error, willRetry, System.nanoTime()));
    }

    private Supplier<String> failing(Supplier<RuntimeException> failure) {
        return () -> {
            attemptsStarted.add(System.nanoTime());
            throw failure.get();
        };
    }

    private static S3Exception s3Error(int status, String code) {
        return (S3Exception) S3Exception.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build()).build();
    }
}
