package dev.nemo.sdk.testkit.media;

import java.time.Duration;
import java.util.Objects;

/**
 * Guards against hostile or accidental input: decompression bombs, giant canvases, endless
 * animations, corrupt streams. Each guard fails the render early with a
 * {@link MediaLimitExceededException} (or a {@link MediaRejectedException} for
 * {@link #maxDecodeErrors()}) after freeing every native resource.
 *
 * <p>The sizes are checked before any frame is allocated where the container declares them (a GIF
 * canvas, an MP4 track), and again for every decoded frame.
 *
 * @param maxInputBytes largest input file accepted
 * @param maxFrameSide largest width or height of a frame or canvas
 * @param maxFramePixels largest width &times; height of a frame or canvas
 * @param maxFrames most frames decoded from one input
 * @param maxTotalPixels most pixels decoded from one input, summed over its frames
 * @param maxDuration longest source duration (after GIF delay normalisation)
 * @param maxRenderTime wall-clock budget of one render, all attempts and the SSIM measurement included
 * @param maxDecodeErrors packets that may fail to decode before the input is rejected as corrupt
 */
public record MediaLimits(
        long maxInputBytes,
        int maxFrameSide,
        long maxFramePixels,
        int maxFrames,
        long maxTotalPixels,
        Duration maxDuration,
        Duration maxRenderTime,
        int maxDecodeErrors) {

    /**
     * Generous defaults for local demos: 256 MiB input, 8192 px sides, 4096&times;4096 px frames,
     * 20,000 frames, 4 gigapixels decoded, 10 minutes of source, 5 minutes per render, 32 decode
     * errors.
     */
    public static final MediaLimits DEFAULT = new MediaLimits(
            256L << 20, 8192, 4096L * 4096, 20_000, 4_000_000_000L, Duration.ofMinutes(10), Duration.ofMinutes(5), 32);

    /**
     * Validates the limits.
     *
     * @throws IllegalArgumentException if a limit is not positive
     */
    public MediaLimits {
        Objects.requireNonNull(maxDuration, "maxDuration");
        Objects.requireNonNull(maxRenderTime, "maxRenderTime");
        if (maxInputBytes <= 0
                || maxFrameSide <= 0
                || maxFramePixels <= 0
                || maxFrames <= 0
                || maxTotalPixels <= 0
                || maxDuration.isNegative()
                || maxDuration.isZero()
                || maxRenderTime.isNegative()
                || maxDecodeErrors < 0) {
            throw new IllegalArgumentException("media limits must be positive: " + maxInputBytes + ", "
                    + maxFrameSide + ", " + maxFramePixels + ", " + maxFrames + ", " + maxTotalPixels + ", "
                    + maxDuration + ", " + maxRenderTime + ", " + maxDecodeErrors);
        }
    }

    /**
     * The default limits.
     *
     * @return {@link #DEFAULT}
     */
    public static MediaLimits defaults() {
        return DEFAULT;
    }

    /**
     * A copy with another input size limit.
     *
     * @param bytes the largest input accepted
     * @return the new limits
     */
    public MediaLimits withMaxInputBytes(long bytes) {
        return new MediaLimits(
                bytes,
                maxFrameSide,
                maxFramePixels,
                maxFrames,
                maxTotalPixels,
                maxDuration,
                maxRenderTime,
                maxDecodeErrors);
    }

    /**
     * A copy with other frame size limits.
     *
     * @param side the largest width or height
     * @param pixels the largest width &times; height
     * @return the new limits
     */
    public MediaLimits withMaxFrameSize(int side, long pixels) {
        return new MediaLimits(
                maxInputBytes, side, pixels, maxFrames, maxTotalPixels, maxDuration, maxRenderTime, maxDecodeErrors);
    }

    /**
     * A copy with another frame count limit.
     *
     * @param frames the most frames decoded
     * @return the new limits
     */
    public MediaLimits withMaxFrames(int frames) {
        return new MediaLimits(
                maxInputBytes,
                maxFrameSide,
                maxFramePixels,
                frames,
                maxTotalPixels,
                maxDuration,
                maxRenderTime,
                maxDecodeErrors);
    }

    /**
     * A copy with another decoded pixel budget.
     *
     * @param pixels the most pixels decoded, summed over frames
     * @return the new limits
     */
    public MediaLimits withMaxTotalPixels(long pixels) {
        return new MediaLimits(
                maxInputBytes,
                maxFrameSide,
                maxFramePixels,
                maxFrames,
                pixels,
                maxDuration,
                maxRenderTime,
                maxDecodeErrors);
    }

    /**
     * A copy with another source duration limit.
     *
     * @param duration the longest source accepted
     * @return the new limits
     */
    public MediaLimits withMaxDuration(Duration duration) {
        return new MediaLimits(
                maxInputBytes,
                maxFrameSide,
                maxFramePixels,
                maxFrames,
                maxTotalPixels,
                duration,
                maxRenderTime,
                maxDecodeErrors);
    }

    /**
     * A copy with another wall-clock budget per render.
     *
     * @param budget the budget; zero fails every render at its first check
     * @return the new limits
     */
    public MediaLimits withMaxRenderTime(Duration budget) {
        return new MediaLimits(
                maxInputBytes,
                maxFrameSide,
                maxFramePixels,
                maxFrames,
                maxTotalPixels,
                maxDuration,
                budget,
                maxDecodeErrors);
    }

    /**
     * A copy with another decode error cap.
     *
     * @param errors packets that may fail to decode before the input is rejected
     * @return the new limits
     */
    public MediaLimits withMaxDecodeErrors(int errors) {
        return new MediaLimits(
                maxInputBytes,
                maxFrameSide,
                maxFramePixels,
                maxFrames,
                maxTotalPixels,
                maxDuration,
                maxRenderTime,
                errors);
    }
}
