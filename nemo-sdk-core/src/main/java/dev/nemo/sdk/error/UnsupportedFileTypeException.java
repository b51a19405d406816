package dev.nemo.sdk.error;

import org.jspecify.annotations.Nullable;

/**
 * API code 4001: the server refused the file type. The message lists the accepted formats
 * ({@link dev.nemo.sdk.upload.MediaFormats#description()}).
 */
public class UnsupportedFileTypeException extends NemoServiceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message description without secrets
     * @param details where and how it failed
     * @param cause   underlying cause, or {@code null}
     */
    public UnsupportedFileTypeException(String message, ErrorDetails details, @Nullable Throwable cause) {
        super(message, details, cause);
    }
}
