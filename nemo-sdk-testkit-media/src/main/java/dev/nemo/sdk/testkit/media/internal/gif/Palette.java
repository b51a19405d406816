package dev.nemo.sdk.testkit.media.internal.gif;

import java.util.Arrays;

/**
 * A GIF colour table: up to 255 opaque colours and, always, one transparent index after them
 * (frame differencing draws unchanged pixels with it). Maps colours to their nearest entry with a
 * direct-mapped cache in front of a linear search.
 */
public final class Palette {

    private static final int CACHE_BITS = 18;

    private final int[] colors;
    private final int transparent;
    private final int tableSize;
    private final boolean dither;
    private final int[] cacheKeys = new int[1 << CACHE_BITS];
    private final short[] cacheValues = new short[1 << CACHE_BITS];

    /**
     * A palette.
     *
     * @param rgb the opaque colours (RGB, 1..255 of them)
     * @param dither whether the content asks for error diffusion
     */
    public Palette(int[] rgb, boolean dither) {
        if (rgb.length < 1 || rgb.length > 255) {
            throw new IllegalArgumentException("a palette holds 1..255 colours: " + rgb.length);
        }
        this.colors = new int[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            colors[i] = 0xff000000 | rgb[i];
        }
        this.transparent = rgb.length;
        int size = 2;
        while (size < rgb.length + 1) {
            size <<= 1;
        }
        this.tableSize = size;
        this.dither = dither;
    }

    /**
     * The transparent index.
     *
     * @return the index after the last colour
     */
    public int transparent() {
        return transparent;
    }

    /**
     * The number of opaque colours.
     *
     * @return 1..255
     */
    public int colorCount() {
        return colors.length;
    }

    /**
     * The size of the table written to the file: a power of two of at least colours + 1.
     *
     * @return 2..256
     */
    public int tableSize() {
        return tableSize;
    }

    /**
     * The LZW minimum code size for this table.
     *
     * @return 2..8
     */
    public int minCodeSize() {
        return Math.max(2, Integer.numberOfTrailingZeros(tableSize));
    }

    /**
     * Whether frames are dithered (chosen from the content when the palette was built).
     *
     * @return true for error diffusion
     */
    public boolean dither() {
        return dither;
    }

    /**
     * An entry's colour.
     *
     * @param index an opaque index
     * @return opaque ARGB
     */
    public int color(int index) {
        return colors[index];
    }

    /**
     * The table as written: RGB triplets, padded with black to {@link #tableSize()}.
     *
     * @return {@code 3 * tableSize()} bytes
     */
    public byte[] table() {
        byte[] t = new byte[tableSize * 3];
        for (int i = 0; i < colors.length; i++) {
            t[3 * i] = (byte) (colors[i] >> 16);
            t[3 * i + 1] = (byte) (colors[i] >> 8);
            t[3 * i + 2] = (byte) colors[i];
        }
        return t;
    }

    /**
     * The nearest opaque entry to a colour.
     *
     * @param argb the colour (alpha ignored)
     * @return its index
     */
    public int nearest(int argb) {
        int rgb = argb & 0xffffff;
        int slot = (rgb * 0x9E3779B1) >>> (32 - CACHE_BITS);
        if (cacheKeys[slot] == rgb + 1) {
            return cacheValues[slot];
        }
        int best = 0;
        int bestD = Integer.MAX_VALUE;
        for (int i = 0; i < colors.length && bestD > 0; i++) {
            int d = Colors.distance(colors[i], argb);
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        cacheKeys[slot] = rgb + 1;
        cacheValues[slot] = (short) best;
        return best;
    }

    @Override
    public String toString() {
        return "Palette[" + colors.length + " colours, dither " + dither + ", " + Arrays.hashCode(colors) + "]";
    }
}
