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

    private final Palette palette;
    private final int budget;
    final int[] wanted;
    final int[] reference;
    /** What the decoder shows at a kept pixel (any index of that colour keeps it as well as transparency). */
    final int[] shown;
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
    public int cost(int i, int index) {
        int ref = reference[i];
        if (ref == RIGID || index == palette.transparent()) {
            return -1;
        }
        int c = palette.color(index);
        if (c == shown[i]) {
            return 0;
        }
        int d = Colors.distance(c, ref);
        return d <= budget ? d : -1;
    }
}
