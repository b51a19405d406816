package dev.nemo.sdk.testkit.media.internal.webp;

import dev.nemo.sdk.testkit.media.MediaLimits;

/**
 * Plays an animated WebP held in memory: each {@link #next()} decodes one frame and composes it
 * onto the canvas, which then shows what a viewer shows for {@link #durationMs()}. One frame is
 * decoded at a time, so memory stays at the canvas plus one frame.
 */
public final class WebpAnimationReader {

    /** Frames stored as 10 ms or less are shown for 100 ms, as browsers show them (and GIF delays). */
    static final int MIN_SHOWN_MS = 11;

    static final int DEFAULT_MS = 100;

    private final byte[] bytes;
    private final AnimatedWebp animation;
    private final Compositor compositor;
    private int index = -1;

    private WebpAnimationReader(byte[] bytes, AnimatedWebp animation) {
        this.bytes = bytes;
        this.animation = animation;
        this.compositor = new Compositor(animation.canvasWidth(), animation.canvasHeight());
    }

    /**
     * Reads the structure of an animated WebP (no pixel is decoded yet).
     *
     * @param bytes the whole file
     * @param limits the canvas size and frame count limits
     * @return the reader, before the first frame
     * @throws dev.nemo.sdk.testkit.media.MediaRejectedException if the file is not a well-formed animated WebP
     * @throws dev.nemo.sdk.testkit.media.MediaLimitExceededException if it is over the limits
     */
    public static WebpAnimationReader open(byte[] bytes, MediaLimits limits) {
        return new WebpAnimationReader(bytes, AnimatedWebp.parse(bytes, limits));
    }

    /**
     * The animation's structure.
     *
     * @return canvas, loop count, frames
     */
    public AnimatedWebp animation() {
        return animation;
    }

    /**
     * Decodes and composes the next frame.
     *
     * @return false after the last frame
     * @throws dev.nemo.sdk.testkit.media.MediaRejectedException if the frame's bitstream cannot be decoded
     */
    public boolean next() {
        if (index + 1 >= animation.frames().size()) {
            return false;
        }
        index++;
        AnmfFrame frame = animation.frames().get(index);
        compositor.draw(frame, FrameDecoder.decode(bytes, frame, index));
        return true;
    }

    /**
     * The canvas after the current frame.
     *
     * @return ARGB pixels, {@code canvasWidth × canvasHeight}, row by row (live: copy to keep)
     */
    public int[] canvas() {
        return compositor.pixels();
    }

    /**
     * How long the current frame is shown.
     *
     * @return milliseconds: the stored duration, or 100 when 10 or less are stored
     */
    public int durationMs() {
        int stored = animation.frames().get(index).durationMs();
        return stored < MIN_SHOWN_MS ? DEFAULT_MS : stored;
    }
}
