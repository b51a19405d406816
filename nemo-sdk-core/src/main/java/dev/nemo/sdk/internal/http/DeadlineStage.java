package dev.nemo.sdk.internal.http;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The call's deadlines. Each attempt gets one: its timeout from the moment it is sent, cut to what
 * is left of the whole call's deadline ({@code RequestOptions.timeout()}) when there is one. The
 * JDK's request timeout enforces it up to the response head, and {@link BodyDeadlines} for the
 * rest of a body read whole; a streamed body (chat, download) is guarded by its reader. The whole
 * call's deadline also covers the waits between attempts: one timer per call (armed by its first
 * attempt, only when the caller set that deadline) stops the wait or exchange in progress.
 */
final class DeadlineStage implements HttpStage {
    private final ScheduledExecutorService scheduler;

    DeadlineStage(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public <T> CompletableFuture<HttpReply<T>> process(HttpCall<T> call, HttpSender next) {
        CallContext<T> ctx = call.context();
        long deadline = System.nanoTime() + ctx.timeout().toNanos();
        long callDeadline = ctx.callDeadlineNanos();
        if (callDeadline != 0) {
            long left = callDeadline - System.nanoTime();
            if (left <= 0) {
                return CompletableFuture.failedFuture(expiredError(ctx));
            }
            armCallTimer(ctx, left);
            deadline = Math.min(deadline, callDeadline);
        }
        return next.send(call.withDeadline(deadline));
    }

    /**
     * {@return the failure it ends with}
     *
     * @param ctx a call whose whole deadline passed
     */
    static HttpTimeoutException expiredError(CallContext<?> ctx) {
        Duration limit = ctx.callTimeout();
        return new HttpTimeoutException("the call took longer than its timeout"
                + (limit == null ? "" : " of " + limit.toMillis() + " ms") + ", waits between attempts included");
    }

    private void armCallTimer(CallContext<?> ctx, long leftNanos) {
        if (ctx.callTimerArmed()) {
            return;
        }
        ScheduledFuture<?> timer = scheduler.schedule(ctx::expire, leftNanos, TimeUnit.NANOSECONDS);
        if (!ctx.armCallTimer(timer)) {
            timer.cancel(false);
        }
    }
}
