package dev.nemo.sdk.testkit.media.internal.gif;

/**
 * The pixels of one image for the {@link LzwEncoder}: the index each asks for and, unless it is
 * rigid, the source colour any other index is measured against.
 */
final class FramePixels implements LzwEncoder.Pixels {

    /** A pixel that must get exactly its index (a transparent source pixel). */
    static final int RIGID = -1;

    private final Palette palette;
    private final int budget;
    final int[] wanted;
    final int[] reference;
    int size;

    FramePixels(Palette palette, int budget, int capacity) {
        this.palette = palette;
        this.budget = budget;
        this.wanted = new int[capacity];
        this.reference = new int[capacity];
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
        int d = Colors.distance(palette.color(index), ref);
        return d <= budget ? d : -1;
    }
}
