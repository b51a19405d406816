package dev.nemo.sdk.testkit.media.internal.gif;

import org.jspecify.annotations.Nullable;

/**
 * The global table with an image's own transparent index, as gifsicle's {@code -O3} writes it.
 * The index is a colour no redrawn pixel of the image needs, the one most of its unchanged pixels
 * show when there is one: an unchanged pixel of that colour is then the same symbol whether it is
 * written transparent or in its colour, so the background and the unchanged area around a change
 * form one run. When the image only uses low indices its codes also start at fewer bits than the
 * table has (the minimum code size only has to cover the indices the image holds; a palette sorted
 * by frequency makes that common). Costs no table bytes, unlike a {@link LocalTable}.
 */
final class ImageTransparent implements LzwEncoder.Pixels {

    private final Palette palette;
    private final FramePixels pixels;
    private final int transparent;
    private final int stand;
    private final int limit;
    private final int minCodeSize;

    private ImageTransparent(Palette palette, FramePixels pixels, int transparent, int stand, int minCodeSize) {
        this.palette = palette;
        this.pixels = pixels;
        this.transparent = transparent;
        this.stand = stand;
        this.minCodeSize = minCodeSize;
        this.limit = 1 << minCodeSize;
    }

    /**
     * The image's own transparent index for the pixels.
     *
     * @param palette the global palette
     * @param pixels the image, in global indices
     * @return the encoding's view of the pixels, or null when every index is needed
     */
    static @Nullable ImageTransparent of(Palette palette, FramePixels pixels) {
        int t = palette.transparent();
        boolean[] needed = new boolean[256];
        long[] unchanged = new long[256];
        int max = 0;
        for (int i = 0; i < pixels.size; i++) {
            int w = pixels.wanted[i];
            if (w != t) {
                needed[w] = true;
                max = Math.max(max, w);
            } else if (pixels.shown[i] != FramePixels.NOT_KEPT) {
                unchanged[palette.nearest(pixels.shown[i])]++;
            }
        }
        int stand = -1;
        for (int c = 0; c < t; c++) {
            if (!needed[c] && (stand < 0 || unchanged[c] > unchanged[stand])) {
                stand = c;
            }
        }
        if (stand < 0) {
            return null;
        }
        int bits = 32 - Integer.numberOfLeadingZeros(Math.max(max, stand));
        return new ImageTransparent(palette, pixels, t, stand, Math.max(2, bits));
    }

    /** {@return the image's transparent index} */
    int transparent() {
        return stand;
    }

    /** {@return the LZW minimum code size} */
    int minCodeSize() {
        return minCodeSize;
    }

    /** {@return the global index an emitted one stands for} */
    int global(int index) {
        return index == stand ? transparent : index;
    }

    @Override
    public int size() {
        return pixels.size;
    }

    @Override
    public int wanted(int i) {
        int w = pixels.wanted[i];
        return w == transparent ? stand : w;
    }

    private boolean usable(int index) {
        return index != stand && index < limit;
    }

    @Override
    public int[] near(int i) {
        int[] g = pixels.near(i);
        int[] l = new int[g.length];
        int k = 0;
        for (int c : g) {
            if (usable(c)) {
                l[k++] = c;
            }
        }
        return k == l.length ? l : java.util.Arrays.copyOf(l, k);
    }

    @Override
    public int alternative(int i) {
        int a = pixels.alternative(i);
        return a >= 0 && usable(a) ? a : -1;
    }

    @Override
    public int cost(int i, int index) {
        if (index == stand) {
            return pixels.shown[i] != FramePixels.NOT_KEPT ? 0 : -1;
        }
        return index < limit ? pixels.cost(i, index) : -1;
    }

    @Override
    public int cost(int i, int index, long carried) {
        if (index == stand) {
            return pixels.shown[i] != FramePixels.NOT_KEPT ? 0 : -1;
        }
        return index < limit ? pixels.cost(i, index, carried) : -1;
    }

    @Override
    public long carry(int i, int index, long carried) {
        return pixels.carry(i, global(index), carried);
    }
}
