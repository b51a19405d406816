package dev.nemo.sdk.testkit;

import dev.nemo.sdk.testkit.internal.FaultEngine;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Scripts failures into the emulator, so that a client's recovery paths can be tested end to end.
 * Faults are matched in the order they were added; each request consumes at most one.
 *
 * <pre>{@code
 * emulator.faults().expireTokenOnNextCall();                           // 1001, token revoked
 * emulator.faults().on(Endpoint.CREDITS).times(2).status(503);         // two empty 503s
 * emulator.faults().on(Endpoint.RUN_SSE).cutMidEvent(1);               // truncated chunked body
 * Fault hold = emulator.faults().on(Endpoint.RUN_SSE)
 *         .heartbeatsUntilReleased(Duration.ofMillis(20), HeartbeatStyle.COMMENT);
 * }</pre>
 */
public final class Faults {
    private static final Set<Endpoint> API = EnumSet.complementOf(EnumSet.of(Endpoint.CDN));
    private static final Set<Endpoint> AUTHENTICATED =
            EnumSet.complementOf(EnumSet.of(Endpoint.CDN, Endpoint.ANONYMOUS_TOKEN, Endpoint.UNKNOWN));

    private final FaultEngine engine;

    Faults(FaultEngine engine) {
        this.engine = engine;
    }

    /**
     * @param endpoint the first endpoint to affect
     * @param more     further endpoints
     * @return a builder of a fault that affects the next request to any of them (see {@link FaultBuilder#times})
     */
    public FaultBuilder on(Endpoint endpoint, Endpoint... more) {
        Objects.requireNonNull(endpoint, "endpoint");
        return new FaultBuilder(engine, EnumSet.of(endpoint, more));
    }

    /** @return a builder of a fault that affects any request on the API port */
    public FaultBuilder onAnyEndpoint() {
        return new FaultBuilder(engine, API);
    }

    /**
     * The next authenticated call finds its token expired: the token is revoked and the call gets
     * code 1001, so the client must fetch a new anonymous token (which the emulator allows for the
     * same client id, because its live token is gone).
     *
     * @return the fault
     */
    public Fault expireTokenOnNextCall() {
        return new FaultBuilder(engine, AUTHENTICATED).once().expireToken();
    }

    /**
     * @param endpoint   the endpoint
     * @param times      how many consecutive requests get HTTP 429
     * @param retryAfter the {@code Retry-After} they carry
     * @return the fault
     */
    public Fault rateLimitStorm(Endpoint endpoint, int times, Duration retryAfter) {
        return on(endpoint).times(times).rateLimited(retryAfter);
    }

    /** Removes every fault and releases held requests. */
    public void clear() {
        engine.clear();
    }

    /** @return how many faults can still affect a request */
    public int pending() {
        return engine.active().size();
    }
}
