package dev.nemo.sdk.testkit;

import java.io.IOException;

/**
 * Thrown by a {@link Renderer} when the source media is of a kind it cannot decode (for example
 * animated WebP for an FFmpeg build without a WebP animation decoder). The emulator reports the
 * failed render with the "unsupported file type" code {@code 4001} and an error text starting with
 * {@code Unsupported file type:}, instead of a generic render failure.
 */
public class UnrenderableMediaException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message why the media cannot be rendered, in words a person can act on
     * @param cause   the renderer's own exception, or {@code null}
     */
    public UnrenderableMediaException(String message, Throwable cause) {
        super(message, cause);
    }
}
