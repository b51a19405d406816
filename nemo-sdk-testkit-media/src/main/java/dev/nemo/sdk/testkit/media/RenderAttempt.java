package dev.nemo.sdk.testkit.media;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One encode the engine tried while searching for a size target (a render without a target has
 * exactly one).
 *
 * @param mode how this attempt was encoded
 * @param width output width
 * @param height output height
 * @param crf the H.264 constant rate factor, for {@link Mode#CRF}
 * @param bitrate the H.264 bitrate in bits per second, for {@link Mode#TWO_PASS}
 * @param maxFps the frame rate cap applied, if any
 * @param paletteColors the GIF palette size (opaque colours, a transparent index comes on top), for
 *     {@link Mode#GIF_PALETTE}
 * @param lossiness the GIF's lossy LZW error budget (0 exact .. 200, about {@code lossiness/6} levels a
 *     channel), for {@link Mode#GIF_PALETTE}
 * @param bytes the size of the file this attempt produced
 * @param withinTarget whether it met the size target (true when there is none)
 */
public record RenderAttempt(
        Mode mode,
        int width,
        int height,
        OptionalInt crf,
        OptionalLong bitrate,
        OptionalDouble maxFps,
        OptionalInt paletteColors,
        OptionalInt lossiness,
        long bytes,
        boolean withinTarget) {

    /** How an attempt was encoded. */
    public enum Mode {
        /** H.264 at a constant rate factor (one pass). */
        CRF,
        /** H.264 at an average bitrate, two passes: the last resort of a size search. */
        TWO_PASS,
        /**
         * GIF from the engine's optimiser: a palette built from the frames, frame differencing,
         * sub-rectangles and lossy LZW.
         */
        GIF_PALETTE
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder()
                .append(mode)
                .append(' ')
                .append(width)
                .append('x')
                .append(height);
        crf.ifPresent(c -> s.append(" crf ").append(c));
        bitrate.ifPresent(b -> s.append(' ').append(b / 1000).append(" kb/s"));
        maxFps.ifPresent(f -> s.append(" <=").append(f).append(" fps"));
        paletteColors.ifPresent(c -> s.append(' ').append(c).append(" colours"));
        lossiness.ifPresent(l -> s.append(" lossy ").append(l));
        return s.append(" -> ")
                .append(bytes)
                .append(" B")
                .append(withinTarget ? "" : " (over target)")
                .toString();
    }
}
