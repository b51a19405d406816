package dev.nemo.sdk.testkit.media.internal.webp;

import dev.nemo.sdk.testkit.media.MediaRejectedException;
import dev.nemo.sdk.testkit.media.MediaRejectedException.Reason;
import java.util.List;

/**
 * One frame of an animated WebP, from its {@code ANMF} chunk (RFC 9649, section 2.7.1.1): where it
 * goes on the canvas, how long it is shown, how it is drawn and disposed, and where its bitstream
 * lies in the file.
 *
 * @param x left edge on the canvas (the chunk stores half of it)
 * @param y top edge on the canvas (the chunk stores half of it)
 * @param width frame width
 * @param height frame height
 * @param durationMs how long the frame is shown, as stored (0 to 16,777,215 ms)
 * @param blend true to alpha-blend onto the canvas, false to overwrite the rectangle
 * @param disposeToBackground true to clear the rectangle to the background after the frame is shown
 * @param alpha the frame's {@code ALPH} chunk, or null (always null with a {@code VP8L} image)
 * @param image the frame's {@code VP8 } or {@code VP8L} chunk
 */
public record AnmfFrame(
        int x,
        int y,
        int width,
        int height,
        int durationMs,
        boolean blend,
        boolean disposeToBackground,
        RiffChunk alpha,
        RiffChunk image) {

    /** The fixed fields before the frame's own chunks. */
    static final int HEADER = 16;

    private static final int MAX_SUB_CHUNKS = 16;

    /**
     * Reads an {@code ANMF} chunk and checks it against the canvas.
     *
     * @param bytes the file
     * @param anmf the chunk
     * @param canvasWidth the canvas width
     * @param canvasHeight the canvas height
     * @return the frame
     * @throws MediaRejectedException if the chunk is malformed or the frame leaves the canvas
     */
    static AnmfFrame parse(byte[] bytes, RiffChunk anmf, int canvasWidth, int canvasHeight) {
        if (anmf.length() < HEADER) {
            throw bad("an ANMF chunk of " + anmf.length() + " bytes is shorter than its " + HEADER + "-byte header");
        }
        int p = anmf.offset();
        int x = 2 * Bytes.u24(bytes, p);
        int y = 2 * Bytes.u24(bytes, p + 3);
        int w = 1 + Bytes.u24(bytes, p + 6);
        int h = 1 + Bytes.u24(bytes, p + 9);
        int duration = Bytes.u24(bytes, p + 12);
        int bits = Bytes.u8(bytes, p + 15);
        if ((long) x + w > canvasWidth || (long) y + h > canvasHeight) {
            throw bad("a frame of " + w + "x" + h + " at (" + x + "," + y + ") leaves the " + canvasWidth + "x"
                    + canvasHeight + " canvas");
        }
        List<RiffChunk> inner = RiffChunk.list(bytes, p + HEADER, anmf.offset() + anmf.length(), MAX_SUB_CHUNKS);
        RiffChunk image = RiffChunk.first(inner, "VP8L");
        RiffChunk alph = null;
        if (image == null) {
            image = RiffChunk.first(inner, "VP8 ");
            alph = RiffChunk.first(inner, "ALPH");
        }
        if (image == null) {
            throw bad("an ANMF frame has no VP8 or VP8L bitstream");
        }
        BitstreamSize.check(bytes, image, w, h);
        return new AnmfFrame(x, y, w, h, duration, (bits & 0x02) == 0, (bits & 0x01) != 0, alph, image);
    }

    /**
     * Whether the frame's bitstream is lossless ({@code VP8L}).
     *
     * @return true for VP8L
     */
    public boolean lossless() {
        return image.fourcc().equals("VP8L");
    }

    static MediaRejectedException bad(String what) {
        return new MediaRejectedException(Reason.UNDECODABLE, "the animated WebP is corrupt: " + what);
    }
}
