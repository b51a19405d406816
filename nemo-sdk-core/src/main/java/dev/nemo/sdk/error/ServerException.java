package dev.nemo.sdk.error;

import org.jspecify.annotations.Nullable;

/**
 * HTTP 5xx: the server failed. Idempotent requests were already retried with backoff.
 */
public class ServerException extends NemoServiceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message description without secrets
     * @param details where and how it failed
     * @param cause   underlying cause, or {@code null}
     */
    public ServerException(String message, ErrorDetails details, @Nullable Throwable cause) {
        super(message, details, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
