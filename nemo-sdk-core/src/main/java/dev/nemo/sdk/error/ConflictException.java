package dev.nemo.sdk.error;

import org.jspecify.annotations.Nullable;

/**
 * HTTP 409: the request conflicts with the server's state (for example a render id that is
 * already taken).
 */
public class ConflictException extends NemoServiceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message human-readable description; must not contain secrets
     * @param details the request, the status (409), the API code when present and the headers
     * @param cause   the underlying cause, or {@code null}
     */
    public ConflictException(String message, ErrorDetails details, @Nullable Throwable cause) {
        super(message, details, cause);
    }
}
