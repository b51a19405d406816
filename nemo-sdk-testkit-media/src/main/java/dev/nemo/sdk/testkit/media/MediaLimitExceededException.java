package dev.nemo.sdk.testkit.media;

import java.util.Objects;

/**
 * A guard of {@link MediaLimits} stopped the render: the input declares or decodes to more than
 * the engine allows (a decompression bomb, a huge canvas, too many frames, too long), the render
 * ran past its wall-clock budget, or the engine's queue was full. The render was stopped early and
 * every native resource it held was freed.
 */
public class MediaLimitExceededException extends MediaException {
    private static final long serialVersionUID = 1L;

    /** Which guard stopped the render. */
    public enum Limit {
        /** {@link MediaLimits#maxInputBytes()}. */
        INPUT_BYTES,
        /** {@link MediaLimits#maxFrameSide()} or {@link MediaLimits#maxFramePixels()}. */
        FRAME_SIZE,
        /** {@link MediaLimits#maxFrames()}. */
        FRAME_COUNT,
        /** {@link MediaLimits#maxTotalPixels()}: the sum of decoded pixels over all frames. */
        TOTAL_PIXELS,
        /** {@link MediaLimits#maxDuration()}. */
        DURATION,
        /** {@link MediaLimits#maxRenderTime()}: the render's wall-clock budget. */
        RENDER_TIME,
        /** The engine's bounded queue of pending renders is full. */
        QUEUE_FULL
    }

    private final Limit limit;

    /**
     * Creates a limit error.
     *
     * @param limit the guard that fired
     * @param message the details: the value found and the limit
     */
    public MediaLimitExceededException(Limit limit, String message) {
        super(message);
        this.limit = Objects.requireNonNull(limit, "limit");
    }

    /**
     * The guard that fired.
     *
     * @return the limit, never null
     */
    public Limit limit() {
        return limit;
    }
}
