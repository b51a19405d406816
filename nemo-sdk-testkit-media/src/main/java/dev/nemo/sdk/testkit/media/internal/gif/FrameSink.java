package dev.nemo.sdk.testkit.media.internal.gif;

/** Receives the canvases of an animation, in order. */
@FunctionalInterface
public interface FrameSink {
    /**
     * One frame.
     *
     * @param argb the whole canvas, row-major, transparent pixels 0; valid during the call only
     * @param dirty where it may differ from the frame before (the whole canvas for the first)
     * @param delayCs how long it shows, in centiseconds
     */
    void frame(int[] argb, Rect dirty, int delayCs);
}
