package dev.nemo.sdk.error;

import java.time.Duration;
import java.util.Objects;

/**
 * A streamed response stopped making progress and the SDK gave up on it. Which watchdog fired is
 * {@link #watchdog()}; the limit it enforced is {@link #limit()}. The request may have reached
 * the server ({@link #outcomeUnknown()} is {@code true}), so a chat message is not re-sent: check
 * the session state first.
 */
public class StreamTimeoutException extends TransportException {
    private static final long serialVersionUID = 1L;

    /** The watchdogs of a stream. */
    public enum Watchdog {
        /** Not a single byte arrived (headers or body) within the limit after the request was sent. */
        FIRST_BYTE,
        /** Only heartbeats (or nothing) arrived for longer than the limit. */
        IDLE,
        /** The whole stream took longer than the limit. */
        OVERALL
    }

    private final Watchdog watchdog;
    private final Duration limit;

    /**
     * Creates the exception.
     *
     * @param message  description without secrets
     * @param details  where it happened
     * @param watchdog which watchdog fired
     * @param limit    the limit it enforced
     */
    public StreamTimeoutException(String message, ErrorDetails details, Watchdog watchdog, Duration limit) {
        super(message, details, null, Kind.TIMEOUT, true);
        this.watchdog = Objects.requireNonNull(watchdog, "watchdog");
        this.limit = Objects.requireNonNull(limit, "limit");
    }

    /** {@return which watchdog fired} */
    public Watchdog watchdog() {
        return watchdog;
    }

    /** {@return the limit that was exceeded} */
    public Duration limit() {
        return limit;
    }
}
