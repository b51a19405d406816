package dev.nemo.sdk.error;

import org.jspecify.annotations.Nullable;

/**
 * HTTP 404: the path or the object does not exist (for example an unknown render id). A missing
 * session is the more specific {@link SessionNotFoundException}.
 */
public class NotFoundException extends NemoServiceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message human-readable description; must not contain secrets
     * @param details the request, the status (404), the API code when present and the headers
     * @param cause   the underlying cause, or {@code null}
     */
    public NotFoundException(String message, ErrorDetails details, @Nullable Throwable cause) {
        super(message, details, cause);
    }
}
