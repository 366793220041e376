package io.objectledger.support.retry;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Retries an asynchronous step until it succeeds, backing off up to a ceiling. Used where giving
 * up would lose data (a message must not be acknowledged before its effect is durable) and where
 * the only sensible reaction to an outage is to wait for it to end.
 */
public final class Retry {

    private static final Duration FIRST_DELAY = Duration.ofMillis(200);
    private static final Duration MAX_DELAY = Duration.ofSeconds(10);

    private Retry() {
    }

    public static <T> CompletableFuture<T> untilSuccess(Supplier<CompletableFuture<T>> step,
                                                        Consumer<Throwable> onFailure) {
        CompletableFuture<T> result = new CompletableFuture<>();
        attempt(step, onFailure, result, FIRST_DELAY);
        return result;
    }

    private static <T> void attempt(Supplier<CompletableFuture<T>> step, Consumer<Throwable> onFailure,
                                    CompletableFuture<T> result, Duration delay) {
        CompletableFuture<T> current;
        try {
            current = step.get();
        } catch (RuntimeException e) {
            current = CompletableFuture.failedFuture(e);
        }
        current.whenComplete((value, error) -> {
            if (error == null) {
                result.complete(value);
                return;
            }
            onFailure.accept(error);
            Duration next = delay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay.multipliedBy(2);
            CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS)
                    .execute(() -> attempt(step, onFailure, result, next));
        });
    }
}
