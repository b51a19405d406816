package dev.nemo.sdk.testkit.internal;

import dev.nemo.sdk.testkit.Endpoint;
import dev.nemo.sdk.testkit.HeartbeatStyle;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** One scripted fault: which endpoints, how many times, and what happens instead of (or before) normal handling. */
public final class FaultRule {
    /** What the rule does. */
    public enum Kind {
        /** Normal handling after the delay. */
        PASS,
        /** A main-API envelope with a non-zero code. */
        ERROR_CODE,
        /** A status with a fixed body (possibly empty or HTML). */
        RAW,
        /** A render-proxy failure envelope. */
        RENDER_ERROR,
        /** HTTP 429 with Retry-After. */
        RATE_LIMITED,
        /** Revoke the presented token, then answer 1001. */
        EXPIRE_TOKEN,
        /** Close the connection without answering. */
        DROP_CONNECTION,
        /** Wait until released, then normal handling. */
        HOLD,
        /** SSE: heartbeats before the events. */
        HEARTBEATS,
        /** SSE: close the connection abruptly after some events. */
        CUT,
        /** SSE: an ADK-Python {@code {"error":…}} payload after some events, then a normal close. */
        STREAM_ERROR,
        /** SSE: the reply is a model error event ({@code errorCode}/{@code errorMessage}). */
        MODEL_ERROR,
        /** SSE: one more text event after the normal ones. */
        TRAILING_TEXT
    }

    private final Set<Endpoint> endpoints;
    private final Kind kind;
    private final Duration delay;
    private final AtomicInteger remaining;
    private final AtomicInteger hits = new AtomicInteger();
    private final CountDownLatch firstHit = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean cancelled;

    /** Error code, HTTP status, count of events, or heartbeat count, depending on the kind. */
    public final int number;
    /** HTTP status for ERROR_CODE/RAW/RENDER_ERROR. */
    public final int status;
    /** Message, body, error text or model error code, depending on the kind. */
    public final String text;
    /** Second text: content type for RAW, model error message for MODEL_ERROR. */
    public final String text2;
    /** Retry-After for RATE_LIMITED, heartbeat interval for HEARTBEATS. */
    public final Duration duration;
    /** Heartbeat style. */
    public final HeartbeatStyle style;
    /** CUT: whether to cut inside the next event; HEARTBEATS: whether to beat until released. */
    public final boolean flag;

    /**
     * @param endpoints where it applies
     * @param times     how many requests it affects, -1 for all
     * @param delay     real delay before the action
     * @param kind      the action
     * @param number    see field
     * @param status    see field
     * @param text      see field
     * @param text2     see field
     * @param duration  see field
     * @param style     see field
     * @param flag      see field
     */
    public FaultRule(
            Set<Endpoint> endpoints,
            int times,
            Duration delay,
            Kind kind,
            int number,
            int status,
            String text,
            String text2,
            Duration duration,
            HeartbeatStyle style,
            boolean flag) {
        this.endpoints = Set.copyOf(endpoints);
        this.remaining = new AtomicInteger(times);
        this.delay = Objects.requireNonNull(delay, "delay");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.number = number;
        this.status = status;
        this.text = text;
        this.text2 = text2;
        this.duration = duration;
        this.style = style;
        this.flag = flag;
    }

    /** @return the action */
    public Kind kind() {
        return kind;
    }

    /** @return the delay before the action */
    public Duration delay() {
        return delay;
    }

    /** @return the endpoints it applies to */
    public Set<Endpoint> endpoints() {
        return endpoints;
    }

    boolean tryTake(Endpoint endpoint) {
        if (cancelled || !endpoints.contains(endpoint)) {
            return false;
        }
        while (true) {
            int r = remaining.get();
            if (r == 0) {
                return false;
            }
            if (r < 0 || remaining.compareAndSet(r, r - 1)) {
                hits.incrementAndGet();
                firstHit.countDown();
                return true;
            }
        }
    }

    /** @return requests still to be affected, -1 for unlimited */
    public int remaining() {
        return cancelled ? 0 : remaining.get();
    }

    /** @return requests affected so far */
    public int hits() {
        return hits.get();
    }

    /**
     * @param timeout hang guard
     * @return whether a request hit the rule in time
     * @throws InterruptedException when interrupted
     */
    public boolean awaitHit(Duration timeout) throws InterruptedException {
        return firstHit.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Lets held requests continue. */
    public void release() {
        released.countDown();
    }

    /** @return whether {@link #release()} was called */
    public boolean isReleased() {
        return released.getCount() == 0;
    }

    /**
     * @param timeout the longest wait
     * @return whether it was released in that time
     * @throws InterruptedException when interrupted (the emulator is stopping)
     */
    public boolean awaitRelease(Duration timeout) throws InterruptedException {
        return released.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Stops the rule from matching and releases anything it holds. */
    public void cancel() {
        cancelled = true;
        release();
    }

    @Override
    public String toString() {
        return "FaultRule{" + kind + " on " + endpoints + ", remaining=" + remaining() + ", hits=" + hits() + '}';
    }
}
