package dev.nemo.sdk.error;

import org.jspecify.annotations.Nullable;

/**
 * The response could not be decoded: not JSON, empty, HTML, or JSON of an unexpected shape.
 * The HTTP status and a short, redacted excerpt of the body are kept.
 */
public class DecodeException extends NemoClientException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message description without secrets
     * @param details where and how it failed
     * @param cause   underlying cause, or {@code null}
     */
    public DecodeException(String message, ErrorDetails details, @Nullable Throwable cause) {
        super(message, details, cause);
    }
}
