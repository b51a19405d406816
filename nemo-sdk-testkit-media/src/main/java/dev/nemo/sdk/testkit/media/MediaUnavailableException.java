package dev.nemo.sdk.testkit.media;

/**
 * The FFmpeg natives could not be loaded on this machine (another OS or architecture, a missing
 * system library, a JVM that forbids native access). Check {@link MediaEngine#availability()}
 * first to fall back gracefully.
 */
public class MediaUnavailableException extends MediaException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param message why the natives are unavailable
     * @param cause the loading failure, or null
     */
    public MediaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
