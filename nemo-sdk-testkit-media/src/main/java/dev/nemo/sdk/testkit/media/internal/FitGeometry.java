package dev.nemo.sdk.testkit.media.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Output sizes: a source fitted inside a box (aspect kept, never upscaled, even sides for
 * yuv420p), and the resolution ladder a size search walks down.
 */
public final class FitGeometry {

    /** The rungs of the resolution ladder: the short side of the box, in pixels. */
    static final int[] LADDER = {720, 540, 360, 240};
    /** A rung is kept only if it has at most this share of the pixels of the rung before. */
    static final double MIN_STEP = 0.8;

    private FitGeometry() {}

    /**
     * Fits a source inside a box.
     *
     * @param width source width in stored pixels
     * @param height source height
     * @param sampleAspect the source's pixel aspect ratio (1 for square pixels)
     * @param boxWidth box width
     * @param boxHeight box height
     * @return the largest even size inside the box with the source's display aspect, never larger
     *     than the source (except the 2x2 minimum)
     */
    public static Size fit(int width, int height, double sampleAspect, int boxWidth, int boxHeight) {
        double displayWidth = width * (sampleAspect > 0 && Double.isFinite(sampleAspect) ? sampleAspect : 1.0);
        double scale = Math.min(1.0, Math.min(boxWidth / displayWidth, (double) boxHeight / height));
        return new Size(even(displayWidth * scale), even(height * scale));
    }

    /**
     * The sizes a size search tries, best first: the fitted size, then the source fitted in the box
     * shrunk to each rung of {@link #LADDER} (short side 720, 540, 360, 240), keeping only sizes
     * with at most {@link #MIN_STEP} of the pixels of the one before: a rung that barely shrinks the
     * picture costs an encode and saves almost nothing.
     *
     * @param width source width
     * @param height source height
     * @param sampleAspect source pixel aspect ratio
     * @param boxWidth box width
     * @param boxHeight box height
     * @return at least one size, strictly decreasing in pixel count
     */
    public static List<Size> ladder(int width, int height, double sampleAspect, int boxWidth, int boxHeight) {
        List<Size> sizes = new ArrayList<>();
        sizes.add(fit(width, height, sampleAspect, boxWidth, boxHeight));
        int boxShort = Math.min(boxWidth, boxHeight);
        for (int rung : LADDER) {
            if (rung >= boxShort) {
                continue;
            }
            double f = (double) rung / boxShort;
            Size s = fit(width, height, sampleAspect, (int) Math.round(boxWidth * f), (int) Math.round(boxHeight * f));
            if (s.pixels() <= sizes.get(sizes.size() - 1).pixels() * MIN_STEP) {
                sizes.add(s);
            }
        }
        return List.copyOf(sizes);
    }

    /**
     * A GIF has no chroma subsampling, so it need not have even sides: when the source fits the
     * box as it is, the first rung is the source's own size (817x565 stays 817x565).
     *
     * @param ladder the ladder of {@link #ladder}
     * @param width source width
     * @param height source height
     * @param sampleAspect source pixel aspect ratio
     * @param boxWidth box width
     * @param boxHeight box height
     * @return the ladder with the exact size first, or the ladder unchanged
     */
    public static List<Size> exactWhenItFits(
            List<Size> ladder, int width, int height, double sampleAspect, int boxWidth, int boxHeight) {
        boolean square = !(sampleAspect > 0 && Double.isFinite(sampleAspect)) || sampleAspect == 1.0;
        if (!square || width > boxWidth || height > boxHeight || width < 1 || height < 1) {
            return ladder;
        }
        List<Size> sizes = new ArrayList<>(ladder);
        sizes.set(0, new Size(width, height));
        return List.copyOf(sizes);
    }

    private static int even(double v) {
        int i = (int) Math.round(v);
        return Math.max(2, i - (i & 1));
    }
}
