package dev.nemo.sdk.internal.http;

import dev.nemo.sdk.RetryPolicy;
import dev.nemo.sdk.error.ErrorDetails;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.error.TransportException;
import dev.nemo.sdk.internal.util.Futures;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What every hop and attempt of one logical call shares: the request, how its answers are read,
 * whether the caller is blocked on it, its policy and its cancellation.
 *
 * <p>A blocking call runs the whole chain on the caller's thread: the JDK's {@code send}, and
 * every wait (a token, a backoff) awaited in place, so no pool thread is involved.
 *
 * @param <T> the stream body type
 */
public final class CallContext<T> {
    private static final AtomicLong IDS = new AtomicLong();
    /** Stands for an ended call's timer: arming after the end fails, and cancelling it does nothing. */
    private static final Future<?> DISARMED = CompletableFuture.completedFuture(null);

    private static final VarHandle ID;
    private static final VarHandle ATTEMPTS;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            ID = lookup.findVarHandle(CallContext.class, "id", long.class);
            ATTEMPTS = lookup.findVarHandle(CallContext.class, "attempts", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** 0 until first asked: only listeners need it, and one shared counter per call costs under many callers. */
    private volatile long id;

    private final ApiRequest request;
    private volatile @Nullable Operation operation;
    private final @Nullable ResponseReader<T> reader;
    private final boolean blocking;
    private final boolean followsCrossOrigin;
    private final RetryPolicy policy;
    private final Duration timeout;
    private final @Nullable Duration callTimeout;
    private final long callDeadlineNanos;
    private volatile int attempts;
    /** {@code null} for a call without a whole-call deadline: no timer is ever armed for it. */
    private final @Nullable AtomicReference<@Nullable Future<?>> callTimer;

    private volatile @Nullable CompletableFuture<?> inFlight;
    private volatile boolean cancelled;
    private volatile boolean expired;

    /**
     * Creates it from its parts.
     *
     * @param operation   the operation, or {@code null} to work it out from the request when needed
     * @param timeout     the deadline of each attempt
     * @param callTimeout the deadline of the whole call from now, or {@code null} for none
     */
    CallContext(
            ApiRequest request,
            @Nullable Operation operation,
            @Nullable ResponseReader<T> reader,
            boolean blocking,
            boolean followsCrossOrigin,
            RetryPolicy policy,
            Duration timeout,
            @Nullable Duration callTimeout) {
        this.request = request;
        this.operation = operation;
        this.reader = reader;
        this.blocking = blocking;
        this.followsCrossOrigin = followsCrossOrigin;
        this.policy = policy;
        this.timeout = timeout;
        this.callTimeout = callTimeout;
        this.callDeadlineNanos = callTimeout == null ? 0 : System.nanoTime() + callTimeout.toNanos();
        this.callTimer = callTimeout == null ? null : new AtomicReference<>();
    }

    /** {@return the call's id for listeners: unique in this process, correlation only} */
    public long id() {
        long known = id;
        if (known != 0) {
            return known;
        }
        long mine = IDS.incrementAndGet();
        long earlier = (long) ID.compareAndExchange(this, 0L, mine);
        return earlier == 0 ? mine : earlier;
    }

    /** {@return the API request as the resource described it} */
    public ApiRequest request() {
        return request;
    }

    /** {@return the operation name and path template (worked out when first asked: only listeners need it)} */
    public Operation operation() {
        Operation op = operation;
        if (op == null) {
            op = Operation.of(request.method(), request.path());
            operation = op;
        }
        return op;
    }

    /** {@return how accepted stream responses are read, or {@code null} for a JSON call} */
    public @Nullable ResponseReader<T> reader() {
        return reader;
    }

    /** {@return whether the caller's thread runs the call} */
    public boolean blocking() {
        return blocking;
    }

    /** {@return whether redirects to another origin are followed (without credentials)} */
    public boolean followsCrossOrigin() {
        return followsCrossOrigin;
    }

    /** {@return the retry policy of this call} */
    public RetryPolicy policy() {
        return policy;
    }

    /** {@return the deadline of each attempt, headers and body} */
    public Duration timeout() {
        return timeout;
    }

    /** {@return the deadline of the whole call ({@code RequestOptions.timeout()}), or {@code null} for none} */
    @Nullable
    Duration callTimeout() {
        return callTimeout;
    }

    /** {@return {@link System#nanoTime()} by which the whole call must end, or 0 for no such deadline} */
    long callDeadlineNanos() {
        return callDeadlineNanos;
    }

    /**
     * {@return whether it is the first one (only the first call's attempt arms one)}
     *
     * @param timer the whole call's timer
     */
    boolean armCallTimer(Future<?> timer) {
        AtomicReference<@Nullable Future<?>> t = callTimer;
        return t != null && t.compareAndSet(null, timer);
    }

    /** {@return whether a call timer was armed already} */
    boolean callTimerArmed() {
        AtomicReference<@Nullable Future<?>> t = callTimer;
        return t != null && t.get() != null;
    }

    /** Stops the whole call's timer: the call ended. */
    void disarmCallTimer() {
        AtomicReference<@Nullable Future<?>> t = callTimer;
        if (t == null) {
            return;
        }
        Future<?> timer = t.getAndSet(DISARMED);
        if (timer != null) {
            timer.cancel(false);
        }
    }

    /** The whole call's deadline passed: the wait or exchange in progress stops and nothing more is sent. */
    void expire() {
        expired = true;
        cancel();
    }

    /** {@return whether the whole call's deadline passed before it ended} */
    boolean expired() {
        return expired;
    }

    /**
     * The typed error the caller gets for a failure of this call: a passed whole-call deadline is a
     * timeout, whatever the exchange or wait it cut threw.
     *
     * @param error the failure as the chain reported it
     * @return the typed error
     */
    NemoException typedError(Throwable error) {
        Throwable cause = expired ? DeadlineStage.expiredError(this) : Futures.unwrap(error);
        return IoFailures.classify(cause, request);
    }

    /** {@return the number of the attempt being started (1, 2, …), counting every send} */
    int nextAttempt() {
        return (int) ATTEMPTS.getAndAdd(this, 1) + 1;
    }

    /** {@return the attempts started so far} */
    int attempts() {
        return attempts;
    }

    /** {@return whether the caller cancelled} */
    public boolean cancelled() {
        return cancelled;
    }

    /** Cancels the call: the exchange or wait in progress stops and nothing more is sent. */
    public void cancel() {
        cancelled = true;
        CompletableFuture<?> f = inFlight;
        if (f != null) {
            f.cancel(true);
        }
    }

    /**
     * {@return {@code f}}
     *
     * @param f the exchange or wait now in progress (cancelled with the call)
     * @param <F> its type
     */
    <F extends CompletableFuture<?>> F track(F f) {
        inFlight = f;
        if (cancelled) {
            f.cancel(true);
        }
        return f;
    }

    /**
     * Continues with {@code next} once {@code stage} completes: in place on the caller's thread for a
     * blocking call, as a dependent step otherwise.
     *
     * @param stage a wait (a token, a backoff)
     * @param next  the rest of the call
     * @param <X>   the wait's result
     * @param <R>   the call's result
     * @return the call's result
     */
    <X, R> CompletableFuture<R> after(CompletionStage<X> stage, Function<? super X, CompletableFuture<R>> next) {
        if (blocking && stage instanceof CompletableFuture<X> done && Futures.succeeded(done)) {
            // already there (a fixed or still valid token): nothing to wait for, nothing to cancel
            return next.apply(done.join());
        }
        CompletableFuture<X> f = track(stage.toCompletableFuture());
        if (!blocking) {
            return f.thenCompose(next);
        }
        X value;
        try {
            value = f.get();
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(new TransportException(
                    "Interrupted while waiting for " + request.method() + " " + request.path(),
                    ErrorDetails.request(request.method(), request.path()),
                    e,
                    TransportException.Kind.INTERRUPTED,
                    true));
        } catch (ExecutionException e) {
            return CompletableFuture.failedFuture(Futures.unwrap(e));
        } catch (CancellationException e) {
            // the caller cancelled, or the whole call's deadline passed during the wait
            return CompletableFuture.failedFuture(e);
        }
        return next.apply(value);
    }
}
