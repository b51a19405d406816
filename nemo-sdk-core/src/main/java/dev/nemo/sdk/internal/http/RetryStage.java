package dev.nemo.sdk.internal.http;

import dev.nemo.sdk.RequestListener;
import dev.nemo.sdk.RetryPolicy;
import dev.nemo.sdk.Sleeper;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.error.RateLimitedException;
import dev.nemo.sdk.error.ServerException;
import dev.nemo.sdk.error.TransportException;
import dev.nemo.sdk.internal.util.Futures;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * The call's {@link RetryPolicy}: HTTP 429 waits {@code Retry-After} (or the policy's default)
 * and is retried once; 5xx and network errors of idempotent requests are retried with full-jitter
 * exponential backoff; a connect failure (nothing sent) is retried for any request; a request
 * whose outcome is unknown is replayed only when it is idempotent. Waits go through the
 * {@link Sleeper}, so tests run them in virtual time.
 */
final class RetryStage implements HttpStage {
    private static final Logger LOG = LoggerFactory.getLogger("dev.nemo.sdk.http");

    private final Sleeper sleeper;
    private final Listeners listeners;

    RetryStage(Sleeper sleeper, Listeners listeners) {
        this.sleeper = sleeper;
        this.listeners = listeners;
    }

    @Override
    public <T> CompletableFuture<HttpReply<T>> process(HttpCall<T> call, HttpSender next) {
        return attempt(call, next, 1, false);
    }

    private <T> CompletableFuture<HttpReply<T>> attempt(HttpCall<T> call, HttpSender next, int attempt,
                                                        boolean rateLimitRetried) {
        CompletableFuture<HttpReply<T>> sent = next.send(call);
        if (Futures.succeeded(sent)) {
            return sent;
        }
        return sent.exceptionallyCompose(error -> {
            Throwable e = Futures.unwrap(error);
            if (!(e instanceof NemoException n) || call.context().cancelled()) {
                return CompletableFuture.failedFuture(e);
            }
            RetryPolicy policy = call.context().policy();
            @Nullable Duration rateLimitWait = rateLimitRetried ? null : rateLimitWait(n, policy);
            @Nullable Duration wait = rateLimitWait != null ? rateLimitWait
                    : attempt < policy.maxAttempts() && retryable(n, call) ? jitter(policy.backoffCap(attempt)) : null;
            if (wait == null) {
                return CompletableFuture.failedFuture(n);
            }
            scheduled(call, attempt, wait, n);
            boolean limited = rateLimitRetried || rateLimitWait != null;
            return call.context().after(sleeper.sleep(wait), v -> attempt(call, next, attempt + 1, limited));
        });
    }

    private static @Nullable Duration rateLimitWait(NemoException e, RetryPolicy policy) {
        if (!(e instanceof RateLimitedException r) || !policy.retryOnRateLimit()) {
            return null;
        }
        Duration wait = r.retryAfter().orElse(policy.defaultRateLimitWait());
        return wait.compareTo(policy.maxRateLimitWait()) <= 0 ? wait : null;
    }

    private static boolean retryable(NemoException e, HttpCall<?> call) {
        boolean idempotent = call.context().request().idempotent();
        if (e instanceof TransportException t) {
            return t.kind() != TransportException.Kind.INTERRUPTED && (!t.outcomeUnknown() || idempotent);
        }
        return e instanceof ServerException && idempotent;
    }

    private static Duration jitter(Duration cap) {
        long ms = cap.toMillis();
        return Duration.ofMillis(ms <= 0 ? 0 : ThreadLocalRandom.current().nextLong(ms + 1));
    }

    private void scheduled(HttpCall<?> call, int attempt, Duration wait, NemoException cause) {
        ApiRequest r = call.context().request();
        LOG.debug("{} {} failed ({}); attempt {} again in {} ms", r.method(), r.path(), cause.getClass().getSimpleName(),
                attempt + 1, wait.toMillis());
        if (!listeners.isEmpty()) {
            Operation op = call.context().operation();
            RequestListener.RetryScheduled event = new RequestListener.RetryScheduled(call.context().id(), op.name(),
                    call.method(), op.pathTemplate(), attempt, wait, cause);
            listeners.emit("retryScheduled", l -> l.retryScheduled(event));
        }
    }
}
