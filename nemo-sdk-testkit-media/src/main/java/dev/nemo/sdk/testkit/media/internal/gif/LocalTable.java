package dev.nemo.sdk.testkit.media.internal.gif;

/**
 * A local colour table for one image: only the global entries the image asks for, so the LZW
 * codes start narrower (a small image of a few colours gains more than its table costs). Wraps
 * the image's pixels with local indices; the transparent index is the last entry.
 */
final class LocalTable implements LzwEncoder.Pixels {

    private final Palette palette;
    private final FramePixels pixels;
    private final int[] toLocal = new int[256];
    private final int[] toGlobal;
    private final int size;
    private final int transparent;

    private LocalTable(Palette palette, FramePixels pixels, int[] used, int count) {
        this.palette = palette;
        this.pixels = pixels;
        int n = 2;
        while (n < count + 1) {
            n <<= 1;
        }
        this.size = n;
        this.toGlobal = new int[n];
        java.util.Arrays.fill(toLocal, -1);
        for (int k = 0; k < count; k++) {
            toLocal[used[k]] = k;
            toGlobal[k] = used[k];
        }
        this.transparent = count;
        toLocal[palette.transparent()] = count;
        toGlobal[count] = palette.transparent();
    }

    /**
     * A local table for the pixels, if one is smaller than the global table.
     *
     * @param palette the global palette
     * @param pixels the image, in global indices
     * @param maxSize the largest local table worth trying
     * @return the table, or null
     */
    static LocalTable of(Palette palette, FramePixels pixels, int maxSize) {
        boolean[] seen = new boolean[256];
        int[] used = new int[256];
        int count = 0;
        int t = palette.transparent();
        for (int i = 0; i < pixels.size; i++) {
            int w = pixels.wanted[i];
            if (w != t && !seen[w]) {
                seen[w] = true;
                used[count++] = w;
                if (count + 1 > maxSize) {
                    return null;
                }
            }
        }
        return count + 1 <= palette.tableSize() / 2 ? new LocalTable(palette, pixels, used, Math.max(1, count)) : null;
    }

    int transparent() {
        return transparent;
    }

    int minCodeSize() {
        return Math.max(2, Integer.numberOfTrailingZeros(size));
    }

    int global(int local) {
        return toGlobal[local];
    }

    byte[] table() {
        byte[] t = new byte[size * 3];
        for (int k = 0; k < transparent; k++) {
            int c = palette.color(toGlobal[k]);
            t[3 * k] = (byte) (c >> 16);
            t[3 * k + 1] = (byte) (c >> 8);
            t[3 * k + 2] = (byte) c;
        }
        return t;
    }

    @Override
    public int size() {
        return pixels.size;
    }

    @Override
    public int wanted(int i) {
        return toLocal[pixels.wanted[i]];
    }

    @Override
    public int[] near(int i) {
        int[] g = pixels.near(i);
        int[] l = new int[g.length];
        int k = 0;
        for (int c : g) {
            if (toLocal[c] >= 0 && toLocal[c] < transparent) {
                l[k++] = toLocal[c];
            }
        }
        return k == l.length ? l : java.util.Arrays.copyOf(l, k);
    }

    @Override
    public int alternative(int i) {
        int a = pixels.alternative(i);
        return a < 0 ? -1 : toLocal[a];
    }

    @Override
    public int cost(int i, int index) {
        return index >= transparent ? -1 : pixels.cost(i, toGlobal[index]);
    }

    @Override
    public int cost(int i, int index, long carried) {
        return index >= transparent ? -1 : pixels.cost(i, toGlobal[index], carried);
    }

    @Override
    public long carry(int i, int index, long carried) {
        return pixels.carry(i, toGlobal[index], carried);
    }
}
