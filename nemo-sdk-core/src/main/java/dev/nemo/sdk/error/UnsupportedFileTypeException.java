package dev.nemo.sdk.error;

import org.jspecify.annotations.Nullable;

/**
 * API code 4001: the server refused the file type. Accepted: video mp4, mov, avi, webm, mkv;
 * image jpg, png, gif, webp (and APNG for the GIF compressor); audio mp3, wav, m4a, aac.
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
