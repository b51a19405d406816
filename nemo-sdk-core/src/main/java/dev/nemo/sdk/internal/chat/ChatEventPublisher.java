package dev.nemo.sdk.internal.chat;

import dev.nemo.sdk.chat.ChatEvent;
import dev.nemo.sdk.chat.ChatOptions;
import dev.nemo.sdk.error.DecodeException;
import dev.nemo.sdk.error.ErrorDetails;
import dev.nemo.sdk.error.EventTooLargeException;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.error.StreamTimeoutException;
import dev.nemo.sdk.error.TransportException;
import dev.nemo.sdk.internal.sse.SseDecoder;
import dev.nemo.sdk.internal.util.Durations;
import dev.nemo.sdk.internal.util.Futures;
import dev.nemo.sdk.internal.util.Messages;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one chat stream implementation: a single-use {@link Flow.Publisher} of {@link ChatEvent}s
 * fed by an HTTP body subscriber with real demand. Every form of the chat API (blocking iterator,
 * listener, {@code send}, Reactor) sits on top of it.
 *
 * <ul>
 *   <li>Nothing is sent before {@link #subscribe}; a second subscriber gets an error and sends nothing.</li>
 *   <li>Backpressure: one body chunk is requested at a time, and only when every event decoded so
 *       far has been delivered and the subscriber has demand, so memory stays bounded by one chunk
 *       (plus one event of at most {@code maxLineBytes}) however slow the subscriber is.</li>
 *   <li>Watchdogs: no body byte within the first-byte limit, only heartbeats for the idle limit,
 *       or the overall limit: each ends the stream with a {@link StreamTimeoutException}. Time the
 *       subscriber spends without demand or inside {@code onNext} does not count against the
 *       first two: a slow consumer is not the server's silence.</li>
 *   <li>Cancel drops the exchange at once (the HTTP client closes the connection).</li>
 *   <li>Events decoded before a failure are delivered before the error.</li>
 * </ul>
 * All decoding, delivery and watchdog checks run in one serialized drain loop.
 */
public final class ChatEventPublisher implements Flow.Publisher<ChatEvent> {
    private static final Logger LOG = LoggerFactory.getLogger("dev.nemo.sdk.chat");

    /** Starts the HTTP exchange; the handler is applied to the accepted (event-stream) response. */
    @FunctionalInterface
    public interface Exchange {
        /**
         * {@return completes once the stream's head arrived, or fails with the typed error of a refusal}
         *
         * @param handler reader of the event stream
         */
        CompletableFuture<?> start(HttpResponse.BodyHandler<Void> handler);

        /**
         * {@return whether {@link #start} waits for the head on the caller's thread, with that wait
         * bounded by the first-byte limit (or the overall one, when shorter): a timeout of that wait
         * is reported as the watchdog's}
         */
        default boolean waitsForHead() {
            return false;
        }

        /**
         * {@return {@code blocking} marked as waiting for the head}
         *
         * @param blocking starts the exchange and returns once its head arrived (or failed)
         */
        static Exchange waitingForHead(Exchange blocking) {
            return new Exchange() {
                @Override
                public CompletableFuture<?> start(HttpResponse.BodyHandler<Void> handler) {
                    return blocking.start(handler);
                }

                @Override
                public boolean waitsForHead() {
                    return true;
                }
            };
        }
    }

    /**
     * What the stream needs from {@link ChatOptions}.
     *
     * @param partialText  whether partial text is agent text
     * @param maxLineBytes SSE line and event limit
     * @param firstByte    first-byte watchdog
     * @param idle         heartbeat-only watchdog
     * @param overall      overall watchdog
     */
    public record Limits(boolean partialText, int maxLineBytes, Duration firstByte, Duration idle, Duration overall) {
        /**
         * {@return their limits}
         *
         * @param o chat options
         */
        public static Limits of(ChatOptions o) {
            return new Limits(o.streaming(), o.maxLineBytes(), o.firstByteTimeout(), o.idleTimeout(), o.timeout());
        }
    }

    private final Exchange exchange;
    private final Limits limits;
    private final ErrorDetails details;
    private final Function<Throwable, NemoException> errors;
    private final Ticker ticker;
    private final Executor executor;
    private final AtomicBoolean subscribed = new AtomicBoolean();

    /**
     * Creates it from its parts.
     *
     * @param exchange starts the HTTP exchange
     * @param limits   decoding options and watchdogs
     * @param details  the request, for errors
     * @param errors   maps an I/O failure of the body to the typed transport error
     * @param ticker   time source and timer of the watchdogs
     * @param executor where a watchdog that fired delivers its error
     */
    public ChatEventPublisher(
            Exchange exchange,
            Limits limits,
            ErrorDetails details,
            Function<Throwable, NemoException> errors,
            Ticker ticker,
            Executor executor) {
        this.exchange = Objects.requireNonNull(exchange, "exchange");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.details = Objects.requireNonNull(details, "details");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /**
     * {@return whether it is a successful {@code text/event-stream} response}
     *
     * @param info a response head
     */
    public static boolean isEventStream(HttpResponse.ResponseInfo info) {
        if (info.statusCode() < 200 || info.statusCode() > 299) {
            return false;
        }
        String type = info.headers().firstValue("content-type").orElse("");
        int semicolon = type.indexOf(';');
        String media =
                (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        return media.equals("text/event-stream");
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ChatEvent> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        if (!subscribed.compareAndSet(false, true)) {
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {}

                @Override
                public void cancel() {}
            });
            subscriber.onError(new IllegalStateException("This chat publisher was already subscribed: it sends its "
                    + "message once. Create a new publisher to send another message."));
            return;
        }
        new Session(subscriber).start();
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** One subscription: the exchange, the decoders, the queue, the demand and the watchdogs. */
    private final class Session implements Flow.Subscription, HttpResponse.BodySubscriber<Void> {
        private final Flow.Subscriber<? super ChatEvent> downstream;
        private final ArrayDeque<ChatEvent> queue = new ArrayDeque<>();
        private final SseDecoder decoder;
        private final AtomicInteger wip = new AtomicInteger();
        private final AtomicLong requested = new AtomicLong();
        private final AtomicReference<Throwable> upstreamError = new AtomicReference<>();
        private final AtomicBoolean bodyAttached = new AtomicBoolean();
        private volatile boolean cancelled;
        private volatile boolean done;
        private volatile boolean upstreamDone;
        private volatile Flow.@Nullable Subscription body;
        private volatile @Nullable List<ByteBuffer> chunk;
        private volatile @Nullable CompletableFuture<?> response;
        private volatile @Nullable Throwable protocolError;

        // owned by the drain loop
        private @Nullable Throwable failure;
        private boolean bodyRequested;
        private boolean firstByte;
        private long startNanos;
        private long pausedNanos;
        private long pauseStart = -1;
        private long lastActivity;
        private long timerAt;
        private @Nullable Runnable timerCancel;
        private long delivered;

        Session(Flow.Subscriber<? super ChatEvent> downstream) {
            this.downstream = downstream;
            this.decoder = new SseDecoder(
                    new AdkEventDecoder(limits.partialText(), this::decoded), limits.maxLineBytes(), details);
        }

        void start() {
            startNanos = ticker.nanoTime();
            lastActivity = startNanos;
            try {
                downstream.onSubscribe(this);
            } catch (Throwable t) {
                cancelled = true;
                LOG.warn("A chat subscriber failed in onSubscribe; the message was not sent", t);
                return;
            }
            if (cancelled) {
                return;
            }
            LOG.debug("--> chat stream opening");
            CompletableFuture<?> f;
            try {
                f = exchange.start(info -> this);
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            response = f;
            if (cancelled) {
                f.cancel(true);
            }
            Futures.onCompletion(f, (r, e) -> {
                if (e == null) {
                    LOG.debug("<-- chat stream open");
                    return;
                }
                Throwable cause = Futures.unwrap(e);
                if (cause instanceof CancellationException && (cancelled || done)) {
                    return;
                }
                upstreamError.compareAndSet(null, headFailure(cause));
                upstreamDone = true;
                drain();
            });
            drain();
        }

        /** The typed error of an exchange that failed before the stream: a timed-out blocking head wait is a watchdog's. */
        private NemoException headFailure(Throwable cause) {
            NemoException mapped = errors.apply(cause);
            if (!exchange.waitsForHead()
                    || !(mapped instanceof TransportException t)
                    || t.kind() != TransportException.Kind.TIMEOUT
                    || causedBy(cause, HttpConnectTimeoutException.class)) {
                return mapped;
            }
            return limits.firstByte().compareTo(limits.overall()) < 0 ? firstByteTimeout() : overallTimeout();
        }

        // ---- downstream subscription ----

        @Override
        public void request(long n) {
            if (n <= 0) {
                protocolError = new IllegalArgumentException("Flow rule 3.9: request(" + n + ") must be positive");
                drain();
                return;
            }
            long r;
            long next;
            do {
                r = requested.get();
                if (r == Long.MAX_VALUE) {
                    return;
                }
                next = r + n < 0 ? Long.MAX_VALUE : r + n;
            } while (!requested.compareAndSet(r, next));
            drain();
        }

        @Override
        public void cancel() {
            if (!cancelled) {
                cancelled = true;
                cancelUpstream();
                LOG.debug("chat stream cancelled by the caller");
                drain();
            }
        }

        // ---- HTTP body subscriber ----

        @Override
        public CompletionStage<Void> getBody() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            if (!bodyAttached.compareAndSet(false, true)) {
                subscription.cancel();
                return;
            }
            body = subscription;
            if (cancelled || done) {
                subscription.cancel();
                return;
            }
            drain();
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            chunk = items;
            drain();
        }

        @Override
        public void onError(Throwable error) {
            upstreamError.compareAndSet(null, errors.apply(error));
            upstreamDone = true;
            drain();
        }

        @Override
        public void onComplete() {
            upstreamDone = true;
            drain();
        }

        // ---- the drain loop ----

        private void decoded(ChatEvent event) {
            queue.add(event);
            if (!event.isHeartbeat()) {
                lastActivity = serverNow(ticker.nanoTime());
            }
        }

        private void drain() {
            if (wip.getAndIncrement() != 0) {
                return;
            }
            int missed = 1;
            do {
                if (cancelled) {
                    cleanUp();
                } else if (!done) {
                    pass();
                }
                missed = wip.addAndGet(-missed);
            } while (missed != 0);
        }

        private void pass() {
            updatePause(ticker.nanoTime());
            Throwable protocol = protocolError;
            if (protocol != null) {
                terminate(protocol);
                return;
            }
            if (!deliverAndDecode()) {
                return;
            }
            checkWatchdogs();
            if (queue.isEmpty() && !endOrRequestMore()) {
                return;
            }
            updatePause(ticker.nanoTime());
            armTimer(ticker.nanoTime());
        }

        /**
         * Delivers queued events while there is demand, decoding the next chunk when the queue
         * runs dry.
         *
         * @return false when the stream stopped (cancelled, or the subscriber threw)
         */
        private boolean deliverAndDecode() {
            for (; ; ) {
                while (!queue.isEmpty() && requested.get() > 0) {
                    if (!deliver(queue.poll())) {
                        return false;
                    }
                }
                List<ByteBuffer> c = chunk;
                if (!queue.isEmpty() || c == null || failure != null) {
                    return true;
                }
                chunk = null;
                bodyRequested = false;
                decode(c);
            }
        }

        /** {@return false when the stream stopped (cancelled, or the subscriber threw)} */
        private boolean deliver(ChatEvent e) {
            if (requested.get() != Long.MAX_VALUE) {
                requested.decrementAndGet();
            }
            delivered++;
            long t0 = ticker.nanoTime();
            try {
                downstream.onNext(e);
            } catch (Throwable t) {
                LOG.warn("A chat subscriber threw from onNext; cancelling the stream", t);
                cancelled = true;
                cancelUpstream();
                cleanUp();
                return false;
            }
            pausedNanos += ticker.nanoTime() - t0;
            if (cancelled) {
                cleanUp();
                return false;
            }
            return true;
        }

        private void checkWatchdogs() {
            if (failure == null) {
                failure = watchdogs(ticker.nanoTime());
                if (failure != null) {
                    cancelUpstream();
                }
            }
        }

        /**
         * With every event delivered: ends the stream when the body ended or failed, else asks for
         * the next chunk when there is demand.
         *
         * @return false when the stream ended
         */
        private boolean endOrRequestMore() {
            Throwable end = failure;
            if (end == null && upstreamDone && chunk == null) {
                end = upstreamError.get();
                if (end == null && decoder.finish()) {
                    end = new TransportException(
                            "The event stream of " + where() + " ended in the middle of " + "an event; "
                                    + Messages.NOT_SENT_AGAIN,
                            details,
                            null,
                            TransportException.Kind.TRUNCATED,
                            true);
                }
                if (end == null) {
                    terminate(null);
                    return false;
                }
            }
            if (end != null) {
                terminate(end);
                return false;
            }
            Flow.Subscription b = body;
            if (!upstreamDone && chunk == null && !bodyRequested && b != null && requested.get() > 0) {
                bodyRequested = true;
                b.request(1);
            }
            return true;
        }

        private void decode(List<ByteBuffer> buffers) {
            for (ByteBuffer b : buffers) {
                if (b.hasRemaining()) {
                    firstByte = true;
                }
                try {
                    decoder.feed(b);
                } catch (EventTooLargeException e) {
                    fail(e);
                    return;
                } catch (RuntimeException e) {
                    fail(new DecodeException("Could not decode the event stream of " + where() + ": " + e, details, e));
                    return;
                }
            }
        }

        private void fail(NemoException e) {
            failure = e;
            cancelUpstream();
        }

        private @Nullable StreamTimeoutException watchdogs(long now) {
            if (now - startNanos >= limits.overall().toNanos()) {
                return overallTimeout();
            }
            if (pauseStart >= 0 || upstreamDone) {
                return null;
            }
            long server = serverNow(now);
            if (!firstByte && server - startNanos >= limits.firstByte().toNanos()) {
                return firstByteTimeout();
            }
            if (server - lastActivity >= limits.idle().toNanos()) {
                return timeout(
                        StreamTimeoutException.Watchdog.IDLE,
                        limits.idle(),
                        "Only heartbeats arrived on the chat stream for " + Durations.human(limits.idle()));
            }
            return null;
        }

        private StreamTimeoutException firstByteTimeout() {
            return timeout(
                    StreamTimeoutException.Watchdog.FIRST_BYTE,
                    limits.firstByte(),
                    "No byte of the chat stream arrived within " + Durations.human(limits.firstByte()));
        }

        private StreamTimeoutException overallTimeout() {
            return timeout(
                    StreamTimeoutException.Watchdog.OVERALL,
                    limits.overall(),
                    "The chat stream took longer than " + Durations.human(limits.overall()));
        }

        private StreamTimeoutException timeout(StreamTimeoutException.Watchdog which, Duration limit, String what) {
            return new StreamTimeoutException(
                    what + " (" + where() + "); " + Messages.NOT_SENT_AGAIN, details, which, limit);
        }

        /** Time that counts against the server: real time minus the time the subscriber held the stream back. */
        private long serverNow(long now) {
            return now - pausedNanos - (pauseStart >= 0 ? now - pauseStart : 0);
        }

        private void updatePause(long now) {
            boolean paused = requested.get() == 0;
            if (paused && pauseStart < 0) {
                pauseStart = now;
            } else if (!paused && pauseStart >= 0) {
                pausedNanos += now - pauseStart;
                pauseStart = -1;
            }
        }

        private void armTimer(long now) {
            long next = startNanos + limits.overall().toNanos();
            if (pauseStart < 0 && !upstreamDone) {
                long lag = now - serverNow(now);
                if (!firstByte) {
                    next = Math.min(next, startNanos + limits.firstByte().toNanos() + lag);
                }
                next = Math.min(next, lastActivity + limits.idle().toNanos() + lag);
            }
            Runnable current = timerCancel;
            if (current != null && timerAt - now > 0 && timerAt - next <= 0) {
                return;
            }
            if (current != null) {
                current.run();
            }
            timerAt = next;
            timerCancel = ticker.schedule(this::timerFired, next - now);
        }

        private void timerFired() {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                drain();
            }
        }

        private void terminate(@Nullable Throwable error) {
            done = true;
            stopTimer();
            queue.clear();
            if (error != null) {
                cancelUpstream();
            }
            if (LOG.isDebugEnabled()) {
                LOG.debug(
                        "chat stream ended after {} events: {}",
                        delivered,
                        error == null ? "completed" : error.getClass().getSimpleName());
            }
            try {
                if (error == null) {
                    downstream.onComplete();
                } else {
                    downstream.onError(error);
                }
            } catch (Throwable t) {
                LOG.warn("A chat subscriber threw from its terminal signal", t);
            }
        }

        private void cleanUp() {
            done = true;
            stopTimer();
            queue.clear();
            chunk = null;
        }

        private void stopTimer() {
            Runnable current = timerCancel;
            if (current != null) {
                current.run();
                timerCancel = null;
            }
        }

        private void cancelUpstream() {
            Flow.Subscription b = body;
            if (b != null) {
                b.cancel();
            }
            CompletableFuture<?> r = response;
            if (r != null && !r.isDone()) {
                r.cancel(true);
            }
        }

        private String where() {
            return details.requestMethod() + " " + details.requestPath();
        }
    }
}
