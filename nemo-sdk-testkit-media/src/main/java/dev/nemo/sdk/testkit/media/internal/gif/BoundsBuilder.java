package dev.nemo.sdk.testkit.media.internal.gif;

/** Grows a bounding box point by point. */
final class BoundsBuilder {

    private int x0 = Integer.MAX_VALUE;
    private int y0 = Integer.MAX_VALUE;
    private int x1 = -1;
    private int y1 = -1;

    void add(int x, int y) {
        if (x < x0) {
            x0 = x;
        }
        if (x > x1) {
            x1 = x;
        }
        if (y < y0) {
            y0 = y;
        }
        if (y > y1) {
            y1 = y;
        }
    }

    Rect build() {
        return x1 < 0 ? Rect.EMPTY : new Rect(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
    }
}
