package dev.nemo.sdk.testkit.media.internal.webp;

import dev.nemo.sdk.testkit.media.MediaLimitExceededException;
import dev.nemo.sdk.testkit.media.MediaLimitExceededException.Limit;
import dev.nemo.sdk.testkit.media.MediaLimits;
import dev.nemo.sdk.testkit.media.MediaRejectedException;
import dev.nemo.sdk.testkit.media.MediaRejectedException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The structure of an animated WebP (RFC 9649): the {@code VP8X} canvas, the {@code ANIM}
 * background colour and loop count, and every {@code ANMF} frame, read from the file's bytes
 * without decoding a pixel. Every size and count is checked against the {@link MediaLimits} and
 * the bytes present, so a hostile header is refused before anything is allocated for it.
 *
 * @param canvasWidth the canvas width
 * @param canvasHeight the canvas height
 * @param backgroundArgb the {@code ANIM} background colour as ARGB (a hint: see {@link Compositor})
 * @param loopCount how many times the animation plays, 0 for ever
 * @param frames the frames, in display order
 */
public record AnimatedWebp(
        int canvasWidth, int canvasHeight, int backgroundArgb, int loopCount, List<AnmfFrame> frames) {

    private static final int RIFF_HEADER = 12;
    private static final int VP8X_LENGTH = 10;
    private static final int ANIM_LENGTH = 6;
    private static final int FLAG_ANIMATION = 0x02;
    /** Room beyond the frames for VP8X, ANIM, ICCP, EXIF, XMP and unknown chunks. */
    private static final int EXTRA_CHUNKS = 64;

    /** Copies the frame list. */
    public AnimatedWebp {
        frames = List.copyOf(frames);
    }

    /**
     * Reads the structure of an animated WebP.
     *
     * @param bytes the whole file
     * @param limits the canvas size and frame count limits
     * @return the animation
     * @throws MediaRejectedException if the file is not an animated WebP, or is truncated or malformed
     * @throws MediaLimitExceededException if its canvas or frame count is over the limits
     */
    public static AnimatedWebp parse(byte[] bytes, MediaLimits limits) {
        if (bytes.length < RIFF_HEADER
                || !ascii(bytes, 0).equals("RIFF")
                || !ascii(bytes, 8).equals("WEBP")) {
            throw new MediaRejectedException(Reason.UNSUPPORTED_FORMAT, "not a WebP file");
        }
        long riffEnd = 8 + Bytes.u32(bytes, 4);
        if (riffEnd > bytes.length) {
            throw AnmfFrame.bad("the file is truncated: its RIFF header declares " + riffEnd + " bytes, " + bytes.length
                    + " are there");
        }
        List<RiffChunk> chunks = RiffChunk.list(bytes, RIFF_HEADER, (int) riffEnd, limits.maxFrames() + EXTRA_CHUNKS);
        RiffChunk vp8x = chunks.isEmpty() ? null : chunks.get(0);
        if (vp8x == null
                || !vp8x.fourcc().equals("VP8X")
                || vp8x.length() < VP8X_LENGTH
                || (Bytes.u8(bytes, vp8x.offset()) & FLAG_ANIMATION) == 0) {
            throw AnmfFrame.bad("it does not start with a VP8X chunk whose animation flag is set");
        }
        int width = 1 + Bytes.u24(bytes, vp8x.offset() + 4);
        int height = 1 + Bytes.u24(bytes, vp8x.offset() + 7);
        checkCanvas(width, height, limits);
        RiffChunk anim = RiffChunk.first(chunks, "ANIM");
        if (anim == null || anim.length() < ANIM_LENGTH) {
            throw AnmfFrame.bad("it has no ANIM chunk");
        }
        int argb = (int) Bytes.u32(bytes, anim.offset()); // the bytes B, G, R, A: ARGB read little-endian
        int loops = Bytes.u16(bytes, anim.offset() + 4);
        List<AnmfFrame> frames = new ArrayList<>();
        for (RiffChunk c : chunks) {
            if (c.fourcc().equals("ANMF")) {
                if (frames.size() == limits.maxFrames()) {
                    throw new MediaLimitExceededException(
                            Limit.FRAME_COUNT, "the input has more than " + limits.maxFrames() + " frames");
                }
                frames.add(AnmfFrame.parse(bytes, c, width, height));
            }
        }
        if (frames.isEmpty()) {
            throw AnmfFrame.bad("it has no ANMF frame");
        }
        return new AnimatedWebp(width, height, argb, loops, frames);
    }

    private static void checkCanvas(int w, int h, MediaLimits limits) {
        if (w > limits.maxFrameSide() || h > limits.maxFrameSide() || (long) w * h > limits.maxFramePixels()) {
            throw new MediaLimitExceededException(
                    Limit.FRAME_SIZE,
                    "the header declares a canvas of " + w + "x" + h
                            + " pixels, more than the limit of " + limits.maxFrameSide() + " px a side and "
                            + limits.maxFramePixels() + " px a frame");
        }
    }

    private static String ascii(byte[] b, int off) {
        return new String(b, off, 4, StandardCharsets.ISO_8859_1);
    }
}
