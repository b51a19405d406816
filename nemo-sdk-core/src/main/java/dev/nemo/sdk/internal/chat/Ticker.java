package dev.nemo.sdk.internal.chat;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A monotonic time source and a one-shot timer: what the stream watchdogs need. Production uses
 * {@link System#nanoTime()} and the client's scheduler; tests drive a manual one.
 */
public interface Ticker {

    /** {@return monotonic nanoseconds} */
    long nanoTime();

    /**
     * {@return cancels the task when run}
     *
     * @param task       what to run
     * @param delayNanos after how long
     */
    Runnable schedule(Runnable task, long delayNanos);

    /**
     * {@return a ticker on {@link System#nanoTime()} and {@code scheduler}}
     *
     * @param scheduler the client's timer
     */
    static Ticker of(ScheduledExecutorService scheduler) {
        return new Ticker() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public Runnable schedule(Runnable task, long delayNanos) {
                try {
                    ScheduledFuture<?> f = scheduler.schedule(task, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
                    return () -> f.cancel(false);
                } catch (RejectedExecutionException e) {
                    // the client was closed: its streams are abandoned with it
                    return () -> {};
                }
            }
        };
    }
}
