package dev.nemo.sdk.testkit;

import dev.nemo.sdk.testkit.internal.FaultEngine;
import dev.nemo.sdk.testkit.internal.FaultRule;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Describes one fault: where ({@link Faults#on}), how often ({@link #once()} by default,
 * {@link #times(int)}, {@link #always()}), an optional real {@link #delayed(Duration) delay}, and
 * what happens (the terminal methods, which register the fault and return its {@link Fault}).
 * Stream faults ({@code heartbeats…}, {@code cut…}, {@code streamError}, {@code modelError},
 * {@code trailingText}) apply to {@link Endpoint#RUN_SSE} only.
 */
public final class FaultBuilder {
    private final FaultEngine engine;
    private final Set<Endpoint> endpoints;
    private int times = 1;
    private Duration delay = Duration.ZERO;

    FaultBuilder(FaultEngine engine, Set<Endpoint> endpoints) {
        this.engine = engine;
        this.endpoints = endpoints;
    }

    /** @return this builder, affecting only the next matching request (the default) */
    public FaultBuilder once() {
        return times(1);
    }

    /**
     * @param n how many matching requests to affect
     * @return this builder
     */
    public FaultBuilder times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        this.times = n;
        return this;
    }

    /** @return this builder, affecting every matching request until cancelled */
    public FaultBuilder always() {
        this.times = -1;
        return this;
    }

    /**
     * @param delay a real wait before the fault's action (or before normal handling, see {@link #passThrough()})
     * @return this builder
     */
    public FaultBuilder delayed(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        this.delay = delay;
        return this;
    }

    /**
     * @param delay a real wait before normal handling
     * @return the fault
     */
    public Fault delay(Duration delay) {
        return delayed(delay).passThrough();
    }

    /** @return a fault that only applies the {@link #delayed(Duration) delay}, then handles the request normally */
    public Fault passThrough() {
        return add(FaultRule.Kind.PASS, 0, 0, null, null, null, null, false);
    }

    /**
     * @param code a body code such as 1001, 1002, 2001, 4001, 4002
     * @return a fault answering {@code {"code":<code>,"message":…}} with HTTP 200
     */
    public Fault errorCode(int code) {
        return errorCode(code, 200, null);
    }

    /**
     * @param code       the body code
     * @param httpStatus the HTTP status to send it with
     * @return the fault
     */
    public Fault errorCode(int code, int httpStatus) {
        return errorCode(code, httpStatus, null);
    }

    /**
     * @param code       the body code
     * @param httpStatus the HTTP status
     * @param message    the envelope's message, or {@code null} for a default
     * @return the fault
     */
    public Fault errorCode(int code, int httpStatus, String message) {
        if (code == 0) {
            throw new IllegalArgumentException("code 0 is success, not an error");
        }
        return add(FaultRule.Kind.ERROR_CODE, code, httpStatus(httpStatus), message, null, null, null, false);
    }

    /**
     * @param httpStatus the status
     * @return a fault answering that status with an empty body
     */
    public Fault status(int httpStatus) {
        return add(FaultRule.Kind.RAW, 0, httpStatus(httpStatus), "", null, null, null, false);
    }

    /**
     * @param httpStatus the status
     * @return a fault answering that status with an HTML error page, as a proxy or load balancer would
     */
    public Fault html(int httpStatus) {
        String page = "<!DOCTYPE html><html><head><title>" + httpStatus + "</title></head><body><h1>" + httpStatus
                + " Error</h1><p>The upstream server is unavailable.</p></body></html>";
        return add(FaultRule.Kind.RAW, 0, httpStatus(httpStatus), page, "text/html; charset=utf-8", null, null, false);
    }

    /**
     * @param httpStatus  the status
     * @param contentType the Content-Type, or {@code null} for none
     * @param body        the body
     * @return a fault answering exactly that
     */
    public Fault body(int httpStatus, String contentType, String body) {
        return add(
                FaultRule.Kind.RAW,
                0,
                httpStatus(httpStatus),
                Objects.requireNonNull(body, "body"),
                contentType,
                null,
                null,
                false);
    }

    /**
     * @param httpStatus the status
     * @param error      the error text
     * @return a fault answering the render proxy's {@code {"success":false,"error":…}}
     */
    public Fault renderError(int httpStatus, String error) {
        return add(
                FaultRule.Kind.RENDER_ERROR,
                0,
                httpStatus(httpStatus),
                Objects.requireNonNull(error, "error"),
                null,
                null,
                null,
                false);
    }

    /**
     * @param retryAfter the {@code Retry-After} value (whole seconds)
     * @return a fault answering HTTP 429
     */
    public Fault rateLimited(Duration retryAfter) {
        Objects.requireNonNull(retryAfter, "retryAfter");
        return add(FaultRule.Kind.RATE_LIMITED, 0, 429, null, null, retryAfter, null, false);
    }

    /** @return a fault that revokes the request's bearer token and answers code 1001 */
    public Fault expireToken() {
        return add(FaultRule.Kind.EXPIRE_TOKEN, 0, 200, null, null, null, null, false);
    }

    /** @return a fault that closes the connection without any response */
    public Fault dropConnection() {
        return add(FaultRule.Kind.DROP_CONNECTION, 0, 0, null, null, null, null, false);
    }

    /**
     * @return a fault that holds matching requests (no bytes sent) until {@link Fault#release()},
     *         {@link Fault#cancel()} or the emulator stops, then handles them normally
     */
    public Fault hold() {
        return add(FaultRule.Kind.HOLD, 0, 0, null, null, null, null, false);
    }

    /**
     * @param count    heartbeats to send before the real events
     * @param interval real time between heartbeats
     * @param style    their shape
     * @return the fault
     */
    public Fault heartbeats(int count, Duration interval, HeartbeatStyle style) {
        requireSse();
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
        return add(FaultRule.Kind.HEARTBEATS, count, 0, null, null, positive(interval), style(style), false);
    }

    /**
     * The stream opens and sends only heartbeats until {@link Fault#release()} (or the emulator
     * stops), like a long backend operation; then the real events follow. Credits of an edit stay
     * frozen meanwhile.
     *
     * @param interval real time between heartbeats
     * @param style    their shape
     * @return the fault
     */
    public Fault heartbeatsUntilReleased(Duration interval, HeartbeatStyle style) {
        requireSse();
        return add(FaultRule.Kind.HEARTBEATS, 0, 0, null, null, positive(interval), style(style), true);
    }

    /**
     * @param events complete events to send before the connection is closed abruptly (no final
     *               chunk, so the client sees a truncated chunked body)
     * @return the fault
     */
    public Fault cutAfterEvents(int events) {
        requireSse();
        return add(FaultRule.Kind.CUT, nonNegative(events), 0, null, null, null, null, false);
    }

    /**
     * @param events complete events to send before half of the next one, after which the
     *               connection is closed abruptly
     * @return the fault
     */
    public Fault cutMidEvent(int events) {
        requireSse();
        return add(FaultRule.Kind.CUT, nonNegative(events), 0, null, null, null, null, true);
    }

    /**
     * @param events  complete events to send before the error payload
     * @param message the error, sent as ADK-Python does: {@code data: {"error": "<message>"}}, then a normal end
     * @return the fault
     */
    public Fault streamError(int events, String message) {
        requireSse();
        return add(
                FaultRule.Kind.STREAM_ERROR,
                nonNegative(events),
                0,
                Objects.requireNonNull(message, "message"),
                null,
                null,
                null,
                false);
    }

    /**
     * @param errorCode    for example {@code SAFETY}
     * @param errorMessage for example {@code blocked by safety}
     * @return a fault whose stream is one event carrying {@code errorCode}/{@code errorMessage}
     *         (no edit is made and nothing is charged)
     */
    public Fault modelError(String errorCode, String errorMessage) {
        requireSse();
        return add(
                FaultRule.Kind.MODEL_ERROR,
                0,
                0,
                Objects.requireNonNull(errorCode, "errorCode"),
                Objects.requireNonNull(errorMessage, "errorMessage"),
                null,
                null,
                false);
    }

    /**
     * @param text extra agent text after the normal events, for example the gateway's
     *             "I encountered a temporary issue"
     * @return the fault
     */
    public Fault trailingText(String text) {
        requireSse();
        return add(FaultRule.Kind.TRAILING_TEXT, 0, 0, Objects.requireNonNull(text, "text"), null, null, null, false);
    }

    private Fault add(
            FaultRule.Kind kind,
            int number,
            int status,
            String text,
            String text2,
            Duration duration,
            HeartbeatStyle style,
            boolean flag) {
        FaultRule rule =
                new FaultRule(endpoints, times, delay, kind, number, status, text, text2, duration, style, flag);
        engine.add(rule);
        return new Fault(rule);
    }

    private void requireSse() {
        if (!endpoints.equals(Set.of(Endpoint.RUN_SSE))) {
            throw new IllegalStateException("stream faults apply to Endpoint.RUN_SSE only, not " + endpoints);
        }
    }

    private static int httpStatus(int s) {
        if (s < 100 || s > 599) {
            throw new IllegalArgumentException("HTTP status must be 100-599");
        }
        return s;
    }

    private static int nonNegative(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("events must not be negative");
        }
        return n;
    }

    private static Duration positive(Duration d) {
        Objects.requireNonNull(d, "interval");
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("interval must be positive");
        }
        return d;
    }

    private static HeartbeatStyle style(HeartbeatStyle s) {
        return Objects.requireNonNull(s, "style");
    }
}
