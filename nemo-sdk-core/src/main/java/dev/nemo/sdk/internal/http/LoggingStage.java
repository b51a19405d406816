package dev.nemo.sdk.internal.http;

import dev.nemo.sdk.internal.util.Futures;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each hop at DEBUG (logger {@code dev.nemo.sdk.http}): method, host and path, status,
 * duration. Never headers, queries (signed URLs) or bodies, so no secret reaches a log.
 */
final class LoggingStage implements HttpStage {
    private static final Logger LOG = LoggerFactory.getLogger("dev.nemo.sdk.http");

    @Override
    public <T> CompletableFuture<HttpReply<T>> process(HttpCall<T> call, HttpSender next) {
        if (!LOG.isDebugEnabled()) {
            return next.send(call);
        }
        // the API's paths as they are; another host (a CDN) with its name, never with the query (signed URLs)
        String where = call.credentialsDropped()
                ? Origins.hostAndPath(call.uri())
                : call.uri().getRawPath();
        LOG.debug("--> {} {}", call.method(), where);
        long t0 = System.nanoTime();
        return next.send(call).whenComplete((reply, error) -> {
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            if (error == null) {
                LOG.debug("<-- {} {} {} ({} ms)", reply.status(), call.method(), where, ms);
            } else {
                Throwable e = Futures.unwrap(error);
                LOG.debug(
                        "<-- {} {} failed after {} ms: {}",
                        call.method(),
                        where,
                        ms,
                        e.getClass().getSimpleName());
            }
        });
    }
}
