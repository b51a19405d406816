package dev.nemo.sdk.error;

import org.jspecify.annotations.Nullable;

/**
 * No usable answer came from the API, or the SDK refused before sending: a connection or
 * timeout failure ({@link TransportException}), a response that could not be decoded
 * ({@link DecodeException}), a local check ({@link UnsupportedMediaException},
 * {@link MediaTooLargeException}, {@link DraftNotExportableException}), a wait that ran out
 * ({@link ExportTimeoutException}) or a cancelled call. Whether a request reached the server is
 * told by {@link TransportException#outcomeUnknown()} where it matters.
 */
public class NemoClientException extends NemoException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message human-readable description; must not contain secrets
     * @param details the request, when one was being sent
     * @param cause   the underlying cause, or {@code null}
     */
    public NemoClientException(String message, ErrorDetails details, @Nullable Throwable cause) {
        super(message, details, cause);
    }

    /**
     * Creates the exception.
     *
     * @param message human-readable description; must not contain secrets
     */
    public NemoClientException(String message) {
        super(message);
    }
}
