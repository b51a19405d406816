package dev.nemo.sdk.error;

import org.jspecify.annotations.Nullable;

/**
 * The exchange failed on the network: the connection could not be made, timed out, was reset,
 * or the body was cut short. {@link #kind()} says which, and {@link #outcomeUnknown()} says
 * whether the server may have received and processed the request.
 *
 * <p>The SDK never replays a non-idempotent request (a chat message, an upload, a session or an
 * export submission) whose outcome is unknown: doing so could charge the user twice. Check the
 * session state before sending it again.
 */
public class TransportException extends NemoClientException {
    private static final long serialVersionUID = 1L;

    /** What went wrong on the wire. */
    public enum Kind {
        /** The connection could not be established: nothing was sent. */
        CONNECT,
        /** No response, or no more of the body, arrived in time. */
        TIMEOUT,
        /** The connection was reset or closed while the exchange was in progress. */
        RESET,
        /** The body ended before its declared end (for example a cut chunked stream). */
        TRUNCATED,
        /** The calling thread was interrupted while waiting. */
        INTERRUPTED
    }

    private final Kind kind;
    private final boolean outcomeUnknown;

    /**
     * Creates the exception.
     *
     * @param message        description without secrets
     * @param details        where it failed
     * @param cause          the I/O error
     * @param kind           what went wrong
     * @param outcomeUnknown whether the request may have reached the server
     */
    public TransportException(String message, ErrorDetails details, @Nullable Throwable cause, Kind kind,
                              boolean outcomeUnknown) {
        super(message, details, cause);
        this.kind = kind;
        this.outcomeUnknown = outcomeUnknown;
    }

    /** {@return what went wrong on the wire} */
    public Kind kind() {
        return kind;
    }

    /**
     * {@return {@code true} when the request may have reached the server (so it may have run), {@code false} when it certainly did not (a connect failure)}
     */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }

    @Override
    public boolean isTransient() {
        return kind != Kind.INTERRUPTED;
    }
}
