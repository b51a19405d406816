package dev.nemo.sdk.internal.http;

import dev.nemo.sdk.error.ErrorDetails;
import dev.nemo.sdk.error.NemoClientException;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.error.TransportException;
import dev.nemo.sdk.error.TransportException.Kind;
import dev.nemo.sdk.internal.util.Messages;
import dev.nemo.sdk.internal.util.Redactor;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.UnresolvedAddressException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import javax.net.ssl.SSLHandshakeException;
import org.jspecify.annotations.Nullable;

/**
 * Turns an I/O failure into a {@link TransportException} that says what happened on the wire and
 * whether the request may have reached the server, by the <em>type</em> of the exception and of
 * its causes:
 * <ul>
 *   <li>{@link HttpConnectTimeoutException}, {@link ConnectException}, {@link NoRouteToHostException},
 *       {@link UnknownHostException}, {@link UnresolvedAddressException}, {@link SSLHandshakeException}:
 *       {@link Kind#CONNECT}, nothing was sent;</li>
 *   <li>{@link HttpTimeoutException}, {@link SocketTimeoutException}: {@link Kind#TIMEOUT};</li>
 *   <li>{@link InterruptedException}, {@link ClosedByInterruptException}, {@link InterruptedIOException}
 *       other than a timeout: {@link Kind#INTERRUPTED};</li>
 *   <li>{@link EOFException}: {@link Kind#TRUNCATED};</li>
 *   <li>any other {@link IOException} (a reset, a closed channel, a TLS failure after the handshake):
 *       {@link Kind#RESET}.</li>
 * </ul>
 * The JDK's HTTP client reports a body shorter than its {@code Content-Length} or a broken chunked
 * encoding as a plain {@link IOException}: only for those, as a last resort, the message is
 * matched ({@link #TRUNCATION_WORDS}); the test suite checks the JDK's wording on JDK 17 and 25.
 */
public final class IoFailures {
    /** Words of the JDK's messages for a body cut short, matched only on a plain {@link IOException}. */
    static final List<String> TRUNCATION_WORDS = List.of("chunked", "content-length", "fixed content", "premature");

    private IoFailures() {
    }

    /**
     * {@return the typed error ({@code error} itself when already typed)}
     *
     * @param error   the failure
     * @param request the request
     */
    public static NemoException classify(Throwable error, ApiRequest request) {
        return classify(error, request.method(), request.path(), request.idempotent());
    }

    /**
     * {@return the typed error ({@code error} itself when already typed)}
     *
     * @param error      the failure
     * @param method     request method
     * @param path       request path
     * @param idempotent whether a replay is harmless (decides the wording)
     */
    public static NemoException classify(Throwable error, String method, String path, boolean idempotent) {
        if (error instanceof NemoException n) {
            return n;
        }
        Kind kind = kind(error);
        ErrorDetails d = ErrorDetails.request(method, path);
        String where = method + " " + path;
        String unknown = idempotent ? "" : "; " + Messages.NOT_SENT_AGAIN;
        if (kind == null) {
            return new NemoClientException("Unexpected failure of " + where + ": " + describe(error), d, error);
        }
        return switch (kind) {
            case CONNECT -> new TransportException("Could not connect for " + where + ": " + describe(error), d, error,
                    Kind.CONNECT, false);
            case TIMEOUT -> new TransportException("Timed out waiting for the response to " + where + unknown, d, error,
                    Kind.TIMEOUT, true);
            case INTERRUPTED -> new TransportException("Interrupted while waiting for " + where, d, error,
                    Kind.INTERRUPTED, true);
            case TRUNCATED -> new TransportException("The response to " + where + " was cut short" + unknown, d, error,
                    Kind.TRUNCATED, true);
            case RESET -> new TransportException("The connection failed during " + where + " (" + describe(error) + ")"
                    + unknown, d, error, Kind.RESET, true);
        };
    }

    /**
     * {@return its kind, or {@code null} for a programming error (an unchecked exception of its own)}
     *
     * @param error a failure
     */
    static @Nullable Kind kind(Throwable error) {
        if (has(error, HttpConnectTimeoutException.class) || has(error, ConnectException.class)
                || has(error, NoRouteToHostException.class) || has(error, UnknownHostException.class)
                || has(error, UnresolvedAddressException.class) || has(error, SSLHandshakeException.class)) {
            return Kind.CONNECT;
        }
        if (has(error, HttpTimeoutException.class) || has(error, SocketTimeoutException.class)) {
            return Kind.TIMEOUT;
        }
        if (has(error, InterruptedException.class) || has(error, ClosedByInterruptException.class)
                || has(error, InterruptedIOException.class)) {
            return Kind.INTERRUPTED;
        }
        if (has(error, EOFException.class) || saysTruncated(error)) {
            return Kind.TRUNCATED;
        }
        if (has(error, IOException.class) || error instanceof CancellationException) {
            return Kind.RESET;
        }
        return error instanceof RuntimeException && error.getCause() == null ? null : Kind.RESET;
    }

    /** The last resort: a plain {@link IOException} whose message names a cut body. */
    private static boolean saysTruncated(Throwable error) {
        for (Throwable c = error; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getClass() == IOException.class && c.getMessage() != null) {
                String m = c.getMessage().toLowerCase(Locale.ROOT);
                if (TRUNCATION_WORDS.stream().anyMatch(m::contains)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean has(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return root.getClass().getSimpleName() + (m == null ? "" : ": " + Redactor.redact(m));
    }
}
