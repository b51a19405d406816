package dev.nemo.sdk.error;

import org.jspecify.annotations.Nullable;

/**
 * HTTP 403: the token is valid but not allowed to do this (for example a token without the
 * {@code render} scope).
 */
public class PermissionDeniedException extends NemoServiceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message human-readable description; must not contain secrets
     * @param details the request, the status (403), the API code when present and the headers
     * @param cause   the underlying cause, or {@code null}
     */
    public PermissionDeniedException(String message, ErrorDetails details, @Nullable Throwable cause) {
        super(message, details, cause);
    }
}
