package dev.nemo.sdk.internal.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads a whole (JSON or error) body into one array, copied once at the end (the JDK hands over
 * buffers it does not reuse), failing once it passes a size limit or its deadline. The array is
 * handed over as {@code finish} wraps it, without a mapping subscriber in between.
 *
 * @param <R> what the body becomes
 */
final class BytesBody<R> implements HttpResponse.BodySubscriber<R>, BodyDeadlines.Watched {
    private final int limit;
    private final BodyDeadlines deadlines;
    private final long deadlineNanos;
    private final Duration timeout;
    private final List<ByteBuffer> received = new ArrayList<>(2);
    private final Function<byte[], R> finish;
    private final CompletableFuture<R> body = new CompletableFuture<>();
    private volatile Flow.@Nullable Subscription subscription;
    private long size;

    BytesBody(int limit, BodyDeadlines deadlines, long deadlineNanos, Duration timeout, Function<byte[], R> finish) {
        this.limit = limit;
        this.finish = finish;
        this.deadlines = deadlines;
        this.deadlineNanos = deadlineNanos;
        this.timeout = timeout;
    }

    @Override
    public CompletionStage<R> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (deadlineNanos != 0) {
            deadlines.watch(this);
        }
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        for (ByteBuffer b : items) {
            size += b.remaining();
            if (size > limit) {
                fail(new IOException("response body larger than " + limit + " bytes"));
                cancelSubscription();
                return;
            }
            received.add(b);
        }
    }

    @Override
    public void onError(Throwable error) {
        fail(error);
    }

    @Override
    public void onComplete() {
        unwatch();
        byte[] out = new byte[(int) size];
        int at = 0;
        for (ByteBuffer b : received) {
            int n = b.remaining();
            b.get(out, at, n);
            at += n;
        }
        received.clear();
        body.complete(finish.apply(out));
    }

    /**
     * The deadline's hash (equality stays identity): the watch set hashes every body, and an identity hash costs
     * the first call on each new object far more than this.
     */
    @Override
    public int hashCode() {
        return Long.hashCode(deadlineNanos);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return this == o;
    }

    @Override
    public long deadlineNanos() {
        return deadlineNanos;
    }

    @Override
    public void expire() {
        if (body.completeExceptionally(
                new HttpTimeoutException("no complete response within " + timeout.toMillis() + " ms"))) {
            cancelSubscription();
        }
    }

    /** Stops reading: the body fails as interrupted (unless it has already completed), and the exchange is cancelled. */
    void cancel() {
        fail(new InterruptedIOException("the body's reader was interrupted"));
        cancelSubscription();
    }

    private void cancelSubscription() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    private void unwatch() {
        if (deadlineNanos != 0) {
            deadlines.unwatch(this);
        }
    }

    private void fail(Throwable error) {
        unwatch();
        body.completeExceptionally(error);
    }
}
