package dev.nemo.sdk.error;

import org.jspecify.annotations.Nullable;

/**
 * HTTP 400 on the anonymous-token call: the {@code X-Client-Id} header was missing or invalid.
 */
public class MissingClientIdException extends BadRequestException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message description without secrets
     * @param details where and how it failed
     * @param cause   underlying cause, or {@code null}
     */
    public MissingClientIdException(String message, ErrorDetails details, @Nullable Throwable cause) {
        super(message, details, cause);
    }
}
