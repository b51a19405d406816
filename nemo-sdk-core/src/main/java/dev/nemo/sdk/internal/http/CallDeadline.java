package dev.nemo.sdk.internal.http;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** The deadline of a whole call ({@code RequestOptions.timeout()}): every attempt and every wait. */
final class CallDeadline {
    private CallDeadline() {
    }

    /**
     * Fails {@code call} with {@code error} when it is still running after {@code timeout}; the
     * call's own completion handlers stop what is in flight.
     *
     * @param call      the whole call
     * @param timeout   its deadline
     * @param scheduler the timer
     * @param error     the failure to report
     */
    static void bound(CompletableFuture<?> call, Duration timeout, ScheduledExecutorService scheduler,
                      Supplier<? extends Throwable> error) {
        if (call.isDone()) {
            return;
        }
        ScheduledFuture<?> timer = scheduler.schedule(() -> {
            if (!call.isDone()) {
                call.completeExceptionally(error.get());
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        call.whenComplete((r, e) -> timer.cancel(false));
    }
}
