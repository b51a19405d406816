package dev.nemo.sdk.internal.http;

import dev.nemo.sdk.RequestListener;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.error.NemoServiceException;
import dev.nemo.sdk.error.TransportException;
import dev.nemo.sdk.internal.util.Futures;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * Tells the client's {@link RequestListener}s about each attempt: started, answered (any status,
 * typed service errors included, with their API code) or failed without a usable answer. Tags are
 * the operation, the method and the path template; nothing secret.
 */
final class ListenerStage implements HttpStage {
    private final Listeners listeners;

    ListenerStage(Listeners listeners) {
        this.listeners = listeners;
    }

    @Override
    public <T> CompletableFuture<HttpReply<T>> process(HttpCall<T> call, HttpSender next) {
        int attempt = call.context().nextAttempt();
        if (listeners.isEmpty()) {
            return next.send(call);
        }
        long id = call.context().id();
        Operation op = call.context().operation();
        String method = call.method();
        RequestListener.RequestStarted started =
                new RequestListener.RequestStarted(id, op.name(), method, op.pathTemplate(), attempt);
        listeners.emit("requestStarted", l -> l.requestStarted(started));
        long t0 = System.nanoTime();
        return next.send(call).whenComplete((reply, error) -> {
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            if (error == null) {
                answered(id, op, method, attempt, reply.status(), OptionalInt.empty(), took);
                return;
            }
            Throwable e = Futures.unwrap(error);
            if (e instanceof NemoServiceException s) {
                answered(id, op, method, attempt, s.httpStatus(), s.apiCode(), took);
            } else {
                NemoException n = IoFailures.classify(e, call.context().request());
                boolean unknown = !(n instanceof TransportException t) || t.outcomeUnknown();
                RequestListener.RequestFailed failed = new RequestListener.RequestFailed(
                        id, op.name(), method, op.pathTemplate(), attempt, n, took, unknown);
                listeners.emit("requestFailed", l -> l.requestFailed(failed));
            }
        });
    }

    private void answered(
            long id, Operation op, String method, int attempt, int status, OptionalInt code, Duration took) {
        RequestListener.ResponseReceived event = new RequestListener.ResponseReceived(
                id, op.name(), method, op.pathTemplate(), attempt, status, code, took);
        listeners.emit("responseReceived", l -> l.responseReceived(event));
    }
}
