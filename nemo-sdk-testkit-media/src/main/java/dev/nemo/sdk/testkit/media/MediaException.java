package dev.nemo.sdk.testkit.media;

/**
 * Base of every error the media engine reports. Unchecked, like the SDK's own
 * {@code NemoException}.
 *
 * <p>A plain {@code MediaException} means the engine itself failed (an encoder or muxer error, an
 * I/O error on the output). The subclasses say more: {@link MediaRejectedException} for input the
 * engine cannot or will not decode, {@link MediaLimitExceededException} for input or work that
 * exceeds a {@link MediaLimits} guard, {@link MediaUnavailableException} when the FFmpeg natives
 * cannot be loaded on this machine.
 */
public class MediaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an error.
     *
     * @param message what failed, in words a person can act on
     */
    public MediaException(String message) {
        super(message);
    }

    /**
     * Creates an error with its cause.
     *
     * @param message what failed, in words a person can act on
     * @param cause the underlying failure
     */
    public MediaException(String message, Throwable cause) {
        super(message, cause);
    }
}
