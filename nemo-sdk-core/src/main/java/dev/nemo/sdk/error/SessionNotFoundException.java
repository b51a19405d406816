package dev.nemo.sdk.error;

import org.jspecify.annotations.Nullable;

/**
 * API code 1002: the session does not exist (or no longer exists). Create a new session.
 */
public class SessionNotFoundException extends NemoServiceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message description without secrets
     * @param details where and how it failed
     * @param cause   underlying cause, or {@code null}
     */
    public SessionNotFoundException(String message, ErrorDetails details, @Nullable Throwable cause) {
        super(message, details, cause);
    }
}
