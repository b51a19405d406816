package dev.nemo.sdk.testkit.media.internal.webp;

import java.util.Arrays;

/**
 * The canvas of an animated WebP, drawn frame by frame as RFC 9649 (section 2.7.1.1) and libwebp's
 * animation decoder do: a frame either alpha-blends onto the canvas (non-premultiplied
 * "source over", with libwebp's integer arithmetic) or replaces its rectangle, and a frame marked
 * "dispose to background" has its rectangle cleared before the next frame is drawn. The canvas
 * starts transparent and is cleared to transparent: the {@code ANIM} background colour is a hint
 * the specification lets viewers ignore, and libwebp and browsers do.
 */
final class Compositor {

    private final int width;
    private final int[] canvas;
    private AnmfFrame toDispose;

    Compositor(int width, int height) {
        this.width = width;
        this.canvas = new int[width * height];
    }

    /**
     * Draws the next frame.
     *
     * @param frame where and how
     * @param pixels its ARGB pixels, {@code frame.width() × frame.height()}
     */
    void draw(AnmfFrame frame, int[] pixels) {
        if (toDispose != null) {
            for (int y = toDispose.y(); y < toDispose.y() + toDispose.height(); y++) {
                int row = y * width + toDispose.x();
                Arrays.fill(canvas, row, row + toDispose.width(), 0);
            }
        }
        for (int y = 0; y < frame.height(); y++) {
            int src = y * frame.width();
            int dst = (frame.y() + y) * width + frame.x();
            if (!frame.blend()) {
                System.arraycopy(pixels, src, canvas, dst, frame.width());
                continue;
            }
            for (int x = 0; x < frame.width(); x++) {
                canvas[dst + x] = blend(pixels[src + x], canvas[dst + x]);
            }
        }
        toDispose = frame.disposeToBackground() ? frame : null;
    }

    /**
     * The canvas as it is shown now.
     *
     * @return ARGB pixels, row by row (the live array: do not modify)
     */
    int[] pixels() {
        return canvas;
    }

    /**
     * libwebp's {@code BlendPixelRowNonPremult} for one pixel: source over destination, both
     * non-premultiplied; an opaque source is copied as it is, a transparent one leaves the canvas.
     */
    static int blend(int src, int dst) {
        int srcA = src >>> 24;
        if (srcA == 0xff) {
            return src;
        }
        if (srcA == 0) {
            return dst;
        }
        int dstA = dst >>> 24;
        int dstFactorA = (dstA * (256 - srcA)) >> 8;
        int blendA = srcA + dstFactorA;
        long scale = (1L << 24) / blendA;
        int r = channel(src, srcA, dst, dstFactorA, scale, 16);
        int g = channel(src, srcA, dst, dstFactorA, scale, 8);
        int b = channel(src, srcA, dst, dstFactorA, scale, 0);
        return blendA << 24 | r << 16 | g << 8 | b;
    }

    private static int channel(int src, int srcA, int dst, int dstA, long scale, int shift) {
        long unscaled = (long) (src >>> shift & 0xff) * srcA + (long) (dst >>> shift & 0xff) * dstA;
        return (int) ((unscaled * scale) >>> 24) & 0xff;
    }
}
