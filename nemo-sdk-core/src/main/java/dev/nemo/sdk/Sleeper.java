package dev.nemo.sdk;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Waits without blocking: every pause the SDK takes (retry backoff, {@code Retry-After}, export
 * polling) goes through one {@code Sleeper}. Tests inject a virtual one so that a 30-second wait
 * takes no real time; the Reactor module plugs in Reactor's schedulers.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * {@return a stage that completes when the time has passed}
     *
     * @param duration how long to wait; zero or negative completes at once
     */
    CompletionStage<Void> sleep(Duration duration);

    /** {@return a sleeper backed by {@link CompletableFuture#delayedExecutor} (daemon timer thread)} */
    static Sleeper system() {
        return duration -> {
            if (duration.isZero() || duration.isNegative()) {
                return CompletableFuture.completedFuture(null);
            }
            return CompletableFuture.runAsync(
                    () -> {}, CompletableFuture.delayedExecutor(duration.toNanos(), TimeUnit.NANOSECONDS));
        };
    }
}
