package dev.nemo.sdk.error;

import org.jspecify.annotations.Nullable;

/**
 * HTTP 400: the API refused the request as malformed. The SDK sends what the contract documents, so
 * this usually means an argument the server does not accept (an id, an option value).
 */
public class BadRequestException extends NemoServiceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message human-readable description; must not contain secrets
     * @param details the request, the status (400), the API code when present and the headers
     * @param cause   the underlying cause, or {@code null}
     */
    public BadRequestException(String message, ErrorDetails details, @Nullable Throwable cause) {
        super(message, details, cause);
    }
}
