package io.objectledger.lifecycle.policy;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one retry policy of the ledger's S3 actions (Failsafe): at most {@code maxAttempts}
 * attempts, the back-off doubling from {@code firstBackoff} up to {@code maxBackoff}, and only
 * failures that may pass ({@link #retryable}) tried again. Each failed attempt is recorded inside
 * the attempt, so before its back-off, and a record that cannot be stored ends the action:
 * Failsafe's listeners would swallow that failure.
 * <p>
 * Under it, the S3 client keeps the SDK's standard retries, with their throttling back-off and
 * retry quota, limited to {@code ledger.s3.sdk-max-attempts} requests per call (see
 * S3Configuration): they absorb a single dropped or throttled request unrecorded, and this
 * policy counts the attempts that failed all of them. An action thus sends at most
 * {@code maxAttempts} × sdk-max-attempts requests per S3 call; an SDK limit of 1 leaves all
 * retrying, and recording, to this policy.
 */
public final class S3Retry {

    /** Records one failed attempt of an action, before any back-off that follows it. */
    @FunctionalInterface
    interface FailedAttempt {
        void record(int attempt, String error, boolean willRetry);
    }

    private final int maxAttempts;
    private final RetryPolicy<Object> policy;

    public S3Retry(int maxAttempts, Duration firstBackoff, Duration maxBackoff) {
        this.maxAttempts = maxAttempts;
        RetryPolicyBuilder<Object> builder = RetryPolicy.builder()
                .handleIf((result, failure) -> failure instanceof SdkException sdk && retryable(sdk))
                .withMaxAttempts(maxAttempts);
        if (firstBackoff.compareTo(maxBackoff) >= 0) {
            builder.withDelay(maxBackoff);
        } else if (!firstBackoff.isZero()) {
            builder.withBackoff(firstBackoff, maxBackoff);
        }
        this.policy = builder.build();
    }

    /** The action's result once an attempt succeeds; empty when its last attempt failed (and was recorded). */
    <T> Optional<T> run(Supplier<T> action, FailedAttempt failed) {
        try {
            return Optional.ofNullable(Failsafe.with(policy).get(context ->
                    attempt(action, context.getAttemptCount() + 1, failed)));
        } catch (SdkException | PolicyException recorded) {
            return Optional.empty();
        } catch (FailsafeException interrupted) {
            throw new IllegalStateException("interrupted while backing off", interrupted.getCause());
        }
    }

    private <T> T attempt(Supplier<T> action, int attempt, FailedAttempt failed) {
        try {
            return action.get();
        } catch (SdkException | PolicyException e) {
            boolean willRetry = e instanceof SdkException sdk && attempt < maxAttempts && retryable(sdk);
            failed.record(attempt, message(e), willRetry);
            throw e;
        }
    }

    /** Not found may be a replica not synced yet; throttling, server errors and network failures pass. */
    static boolean retryable(SdkException e) {
        if (e instanceof SdkClientException) {
            return true;
        }
        if (e instanceof S3Exception s3) {
            return s3.statusCode() >= 500 || s3.statusCode() == 429 || s3.statusCode() == 404;
        }
        return false;
    }

    static String message(RuntimeException e) {
        if (e instanceof S3Exception s3 && s3.awsErrorDetails() != null) {
            return s3.statusCode() + " " + s3.awsErrorDetails().errorCode() + ": " + s3.awsErrorDetails().errorMessage();
        }
        return e.getMessage();
    }
}
