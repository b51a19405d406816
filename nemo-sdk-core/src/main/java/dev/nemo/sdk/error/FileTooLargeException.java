package dev.nemo.sdk.error;

import org.jspecify.annotations.Nullable;

/**
 * API code 4002: the file exceeds the upload limit (200 MB by default). Compress or trim it first.
 */
public class FileTooLargeException extends NemoServiceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message description without secrets
     * @param details where and how it failed
     * @param cause   underlying cause, or {@code null}
     */
    public FileTooLargeException(String message, ErrorDetails details, @Nullable Throwable cause) {
        super(message, details, cause);
    }
}
