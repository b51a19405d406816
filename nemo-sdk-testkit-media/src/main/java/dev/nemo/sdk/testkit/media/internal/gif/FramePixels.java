package dev.nemo.sdk.testkit.media.internal.gif;

/**
 * The pixels of one image for the {@link LzwEncoder}: the index each asks for and, unless it is
 * rigid, the source colour any other index is measured against. A kept pixel (transparent: the
 * decoder's colour stays) may as well be drawn in the colour already shown, at no cost, so runs of
 * it can join the LZW strings around them even without a lossy budget.
 */
final class FramePixels implements LzwEncoder.Pixels {

    /** A pixel that must get exactly its index (a transparent source pixel). */
    static final int RIGID = -1;
    /** {@link #shown} of a pixel that is redrawn. */
    static final int NOT_KEPT = 1;

    /** However the error along a run balances out, no pixel strays further than twice the budget's levels. */
    static final int PIXEL_CAP = 4;

    private final Palette palette;
    private final int budget;
    final int[] wanted;
    final int[] reference;
    /** What the decoder shows at a kept pixel (any index of that colour keeps it as well as transparency). */
    final int[] shown;
    private static final int[] NONE = new int[0];
    private final int[][] near = new int[256][];
    int size;

    FramePixels(Palette palette, int budget, int capacity) {
        this.palette = palette;
        this.budget = budget;
        this.wanted = new int[capacity];
        this.reference = new int[capacity];
        this.shown = new int[capacity];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int wanted(int i) {
        return wanted[i];
    }

    @Override
    public int[] near(int i) {
        if (reference[i] == RIGID) {
            return NONE;
        }
        int base = shown[i] != NOT_KEPT ? palette.nearest(shown[i]) : wanted[i];
        if (base == palette.transparent()) {
            return NONE;
        }
        int[] n = near[base];
        if (n == null) {
            n = neighbours(base);
            near[base] = n;
        }
        return n;
    }

    /** The entries within twice the budget's distance of an entry (itself included). */
    private int[] neighbours(int base) {
        int c = palette.color(base);
        int[] found = new int[palette.colorCount()];
        int k = 0;
        for (int j = 0; j < palette.colorCount(); j++) {
            if (Colors.distance(c, palette.color(j)) <= 4L * budget) {
                found[k++] = j;
            }
        }
        return java.util.Arrays.copyOf(found, k);
    }

    @Override
    public int alternative(int i) {
        return shown[i] == NOT_KEPT ? -1 : palette.nearest(shown[i]);
    }

    @Override
    public int cost(int i, int index, long carried) {
        int ref = reference[i];
        if (ref == RIGID || index == palette.transparent()) {
            return -1;
        }
        int c = palette.color(index);
        if (c == shown[i]) {
            return 0;
        }
        int dr = (ref >> 16 & 0xff) - (c >> 16 & 0xff);
        int dg = (ref >> 8 & 0xff) - (c >> 8 & 0xff);
        int db = (ref & 0xff) - (c & 0xff);
        if (weighted(dr, dg, db) > PIXEL_CAP * budget) {
            return -1;
        }
        int er = Carry.red(carried);
        int eg = Carry.green(carried);
        int eb = Carry.blue(carried);
        // the error this pixel adds to what the run already owes, or to half of it when that is smaller
        // (as giflossy: passing the error on is a chance, not a duty)
        int full = weighted(dr + er, dg + eg, db + eb);
        int half = weighted(dr + er / 2, dg + eg / 2, db + eb / 2);
        int d = Math.min(full, half);
        return d <= budget ? d : -1;
    }

    @Override
    public long carry(int i, int index, long carried) {
        int ref = reference[i];
        if (ref == RIGID) {
            return Carry.NONE;
        }
        if (index == wanted[i] || index == palette.transparent() || palette.color(index) == shown[i]) {
            return Carry.decayed(carried);
        }
        int c = palette.color(index);
        return Carry.of((ref >> 16 & 0xff) - (c >> 16 & 0xff) + Carry.red(carried) * 3 / 4,
                (ref >> 8 & 0xff) - (c >> 8 & 0xff) + Carry.green(carried) * 3 / 4,
                (ref & 0xff) - (c & 0xff) + Carry.blue(carried) * 3 / 4);
    }

    private static int weighted(int dr, int dg, int db) {
        return 2 * dr * dr + 4 * dg * dg + 3 * db * db;
    }

    @Override
    public int cost(int i, int index) {
        return cost(i, index, Carry.NONE);
    }
}
