package dev.nemo.sdk.internal.http;

import dev.nemo.sdk.RequestListener;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.error.NemoServiceException;
import dev.nemo.sdk.internal.util.Futures;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * Frames each call for the client's {@link RequestListener}s: {@code callStarted} before the token
 * and the first attempt, {@code callEnded} once with the last answer or the typed error, the
 * attempts made and the whole duration. The outermost stage, so token waits, retries and redirects
 * are inside the call; its id is the one {@link ListenerStage} puts on every attempt.
 */
final class CallListenerStage implements HttpStage {
    private final Listeners listeners;

    CallListenerStage(Listeners listeners) {
        this.listeners = listeners;
    }

    @Override
    public <T> CompletableFuture<HttpReply<T>> process(HttpCall<T> call, HttpSender next) {
        if (listeners.isEmpty()) {
            return next.send(call);
        }
        CallContext<T> ctx = call.context();
        Operation op = ctx.operation();
        RequestListener.CallStarted started =
                new RequestListener.CallStarted(ctx.id(), op.name(), call.method(), op.pathTemplate());
        listeners.emit("callStarted", l -> l.callStarted(started));
        long t0 = System.nanoTime();
        CompletableFuture<HttpReply<T>> sent;
        try {
            sent = next.send(call);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.whenComplete((reply, error) -> ended(call, reply, error, Duration.ofNanos(System.nanoTime() - t0)));
    }

    private void ended(HttpCall<?> call, HttpReply<?> reply, Throwable error, Duration took) {
        CallContext<?> ctx = call.context();
        NemoException typed = error == null ? null : typed(ctx, error);
        OptionalInt status = reply != null
                ? OptionalInt.of(reply.status())
                : typed instanceof NemoServiceException s && s.httpStatus() != NemoException.NO_STATUS
                        ? OptionalInt.of(s.httpStatus())
                        : OptionalInt.empty();
        Operation op = ctx.operation();
        RequestListener.CallEnded event = new RequestListener.CallEnded(
                ctx.id(),
                op.name(),
                call.method(),
                op.pathTemplate(),
                ctx.attempts(),
                status,
                Optional.ofNullable(typed),
                took);
        listeners.emit("callEnded", l -> l.callEnded(event));
    }

    /**
     * The error the caller gets; the caller's own cancellation (not a passed deadline) reads as an
     * interruption, whatever the cut exchange threw.
     */
    private static NemoException typed(CallContext<?> ctx, Throwable error) {
        if (ctx.cancelled() && !ctx.expired() && !(Futures.unwrap(error) instanceof NemoException)) {
            return IoFailures.classify(new InterruptedException("cancelled by the caller"), ctx.request());
        }
        return ctx.typedError(error);
    }
}
