package dev.nemo.sdk.testkit.media.internal.gif;

/**
 * Colour arithmetic on packed ARGB pixels: opaque pixels have alpha 255, transparent ones are 0.
 * Distances are squared differences weighted 2:4:3 (red, green, blue), a cheap stand-in for how
 * much the eye sees a change; the palette is clustered in Oklab ({@link #oklab}).
 */
final class Colors {

    /** The weight sum of {@link #distance}: a per-channel error of {@code t} costs {@code 9 t^2}. */
    static final int WEIGHT_SUM = 9;

    private Colors() {}

    static boolean opaque(int argb) {
        return argb >>> 24 != 0;
    }

    static int distance(int a, int b) {
        int dr = (a >> 16 & 0xff) - (b >> 16 & 0xff);
        int dg = (a >> 8 & 0xff) - (b >> 8 & 0xff);
        int db = (a & 0xff) - (b & 0xff);
        return 2 * dr * dr + 4 * dg * dg + 3 * db * db;
    }

    /**
     * Björn Ottosson's Oklab of an sRGB colour.
     *
     * @param r red 0..255
     * @param g green 0..255
     * @param b blue 0..255
     * @param out L, a, b
     */
    static void oklab(double r, double g, double b, float[] out) {
        double lr = linear(r / 255.0);
        double lg = linear(g / 255.0);
        double lb = linear(b / 255.0);
        double l = Math.cbrt(0.4122214708 * lr + 0.5363325363 * lg + 0.0514459929 * lb);
        double m = Math.cbrt(0.2119034982 * lr + 0.6806995451 * lg + 0.1073969566 * lb);
        double s = Math.cbrt(0.0883024619 * lr + 0.2817188376 * lg + 0.6299787005 * lb);
        out[0] = (float) (0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s);
        out[1] = (float) (1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s);
        out[2] = (float) (0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s);
    }

    private static double linear(double c) {
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
