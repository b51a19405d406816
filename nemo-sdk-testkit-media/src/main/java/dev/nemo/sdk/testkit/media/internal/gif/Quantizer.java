package dev.nemo.sdk.testkit.media.internal.gif;

/**
 * Maps the changed pixels of an image to the palette, row by row, with Floyd-Steinberg error
 * diffusion (at 3/4 strength, so flat areas stay calm) when the palette asks for dithering. Pixels
 * that are not redrawn neither take nor pass on error.
 */
final class Quantizer {

    private static final float STRENGTH = 0.75f;

    private final Palette palette;
    private float[] errRow;
    private float[] errNext;
    private int rowWidth;

    Quantizer(Palette palette, int maxWidth) {
        this.palette = palette;
        this.errRow = new float[(maxWidth + 2) * 3];
        this.errNext = new float[(maxWidth + 2) * 3];
    }

    void start(int width) {
        rowWidth = width;
        java.util.Arrays.fill(errRow, 0, (width + 2) * 3, 0f);
        java.util.Arrays.fill(errNext, 0, (width + 2) * 3, 0f);
    }

    void skip(int x) {
        int k = (x + 1) * 3;
        errRow[k] = 0;
        errRow[k + 1] = 0;
        errRow[k + 2] = 0;
    }

    int quantize(int argb, int x) {
        if (!palette.dither()) {
            return palette.nearest(argb);
        }
        int k = (x + 1) * 3;
        float r = clamp((argb >> 16 & 0xff) + errRow[k]);
        float g = clamp((argb >> 8 & 0xff) + errRow[k + 1]);
        float b = clamp((argb & 0xff) + errRow[k + 2]);
        int want = 0xff000000 | Math.round(r) << 16 | Math.round(g) << 8 | Math.round(b);
        int q = palette.nearest(want);
        int c = palette.color(q);
        spread(k, (r - (c >> 16 & 0xff)) * STRENGTH, 0);
        spread(k, (g - (c >> 8 & 0xff)) * STRENGTH, 1);
        spread(k, (b - (c & 0xff)) * STRENGTH, 2);
        return q;
    }

    private void spread(int k, float e, int ch) {
        errRow[k + 3 + ch] += e * 7 / 16;
        errNext[k - 3 + ch] += e * 3 / 16;
        errNext[k + ch] += e * 5 / 16;
        errNext[k + 3 + ch] += e / 16;
    }

    void nextRow() {
        float[] t = errRow;
        errRow = errNext;
        errNext = t;
        java.util.Arrays.fill(errNext, 0, (rowWidth + 2) * 3, 0f);
    }

    private static float clamp(float v) {
        return v < 0 ? 0 : Math.min(255, v);
    }
}
