package dev.nemo.sdk.error;

import org.jspecify.annotations.Nullable;

/**
 * A file to upload could not be read, or a stream did not deliver the bytes it declared (it
 * failed, ended early, produced more, or could not be subscribed to again for a second attempt).
 * Nothing is known to have been stored by the server.
 */
public class MediaSourceException extends NemoClientException {
    private static final long serialVersionUID = 1L;

    private final String fileName;

    /**
     * Creates the exception.
     *
     * @param message  description naming the file
     * @param fileName the file concerned
     * @param details  the request, when one was being sent
     * @param cause    the underlying failure, or {@code null}
     */
    public MediaSourceException(String message, String fileName, ErrorDetails details, @Nullable Throwable cause) {
        super(message, details, cause);
        this.fileName = fileName;
    }

    /** {@return the file name of the source concerned} */
    public String fileName() {
        return fileName;
    }
}
