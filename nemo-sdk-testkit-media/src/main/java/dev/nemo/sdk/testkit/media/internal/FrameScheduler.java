package dev.nemo.sdk.testkit.media.internal;

/**
 * Decides, frame by frame, what the output shows and for how long: the trim window, a frame rate
 * cap (frames too close to the last kept one are dropped and that one is shown longer), and
 * non-increasing timestamps. Pure arithmetic on one time base; the caller holds the pixels.
 *
 * <p>Each kept frame is <em>held</em> until the next kept one arrives, because only then is its
 * output duration known; {@link #finish()} releases the last one. The output durations add up to
 * the visible part of the source inside the trim window, so variable frame rate is kept exactly.
 */
public final class FrameScheduler {

    /** What to do with an offered frame. */
    public enum Action {
        /** Not shown: outside the trim window, or too close to the held frame. Release it. */
        DROP,
        /** Emit the held frame (with {@link #emitPts()} and {@link #emitDuration()}), then hold this one. */
        EMIT_AND_HOLD,
        /** Nothing held yet: hold this one. */
        HOLD,
        /** Shown at the same output instant as the held frame: discard the held pixels, hold these instead. */
        REPLACE,
        /** At or past the end of the trim window: stop reading, then call {@link #finish()}. */
        STOP
    }

    private final long windowStart;
    private final long windowEnd;
    private final long minInterval;

    private boolean holding;
    private long heldStart;
    private long heldEnd;
    private long emitPts;
    private long emitDuration;
    private long emitted;
    private long totalDuration;

    /**
     * Creates a scheduler. All values are in the same time base as the offered frames.
     *
     * @param windowStart where the output starts in the source
     * @param windowEnd where it ends ({@code Long.MAX_VALUE} for the end of the source)
     * @param minInterval the shortest output frame duration (0 for no frame rate cap)
     */
    public FrameScheduler(long windowStart, long windowEnd, long minInterval) {
        if (windowStart < 0 || windowEnd <= windowStart || minInterval < 0) {
            throw new IllegalArgumentException("bad window " + windowStart + ".." + windowEnd + " / " + minInterval);
        }
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
        this.minInterval = minInterval;
    }

    /**
     * Offers the next decoded frame, shown in the source from {@code start} for {@code duration}.
     *
     * @param start the frame's start in the source
     * @param duration how long the source shows it (at least 1)
     * @return what to do with the frame
     */
    public Action offer(long start, long duration) {
        long end = start + Math.max(1, duration);
        if (start >= windowEnd) {
            return Action.STOP;
        }
        if (end <= windowStart) {
            return Action.DROP;
        }
        long outStart = Math.max(start, windowStart) - windowStart;
        long outEnd = Math.min(end, windowEnd) - windowStart;
        if (!holding) {
            hold(outStart, outEnd);
            return Action.HOLD;
        }
        if (outStart <= heldStart) {
            heldEnd = Math.max(heldEnd, outEnd);
            return Action.REPLACE;
        }
        if (outStart < heldStart + minInterval) {
            heldEnd = Math.max(heldEnd, outEnd);
            return Action.DROP;
        }
        emit(heldStart, outStart - heldStart);
        hold(outStart, outEnd);
        return Action.EMIT_AND_HOLD;
    }

    /**
     * Extends the frame being held to a source end the container declares (an MP4 edit list), when
     * that is later than the end of its decoded duration. Call at the end of the input, before
     * {@link #finish()}.
     *
     * @param sourceEnd the declared end of the source, 0 if unknown
     */
    public void extendTo(long sourceEnd) {
        if (holding && sourceEnd > 0) {
            heldEnd = Math.max(heldEnd, Math.min(sourceEnd, windowEnd) - windowStart);
        }
    }

    /**
     * Ends the input: returns whether a held frame must still be emitted (with {@link #emitPts()}
     * and {@link #emitDuration()}).
     *
     * @return true if the caller must emit its held frame
     */
    public boolean finish() {
        if (!holding) {
            return false;
        }
        holding = false;
        emit(heldStart, Math.max(1, heldEnd - heldStart));
        return true;
    }

    /**
     * The output timestamp of the frame to emit.
     *
     * @return the pts, from 0
     */
    public long emitPts() {
        return emitPts;
    }

    /**
     * The output duration of the frame to emit.
     *
     * @return the duration, at least 1
     */
    public long emitDuration() {
        return emitDuration;
    }

    /**
     * Frames emitted so far.
     *
     * @return the count
     */
    public long emittedFrames() {
        return emitted;
    }

    /**
     * The output duration so far: the end of the last emitted frame.
     *
     * @return the duration in the time base
     */
    public long outputDuration() {
        return totalDuration;
    }

    private void hold(long start, long end) {
        holding = true;
        heldStart = start;
        heldEnd = end;
    }

    private void emit(long pts, long duration) {
        emitPts = pts;
        emitDuration = duration;
        emitted++;
        totalDuration = pts + duration;
    }
}
