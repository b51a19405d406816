package dev.nemo.sdk.testkit.media.internal.gif;

/**
 * A rectangle of pixels on the canvas; an empty one has no area.
 *
 * @param x left
 * @param y top
 * @param width width, 0 when empty
 * @param height height, 0 when empty
 */
public record Rect(int x, int y, int width, int height) {

    /** No pixels. */
    public static final Rect EMPTY = new Rect(0, 0, 0, 0);

    /**
     * Whether it has no pixels.
     *
     * @return true when empty
     */
    public boolean isEmpty() {
        return width <= 0 || height <= 0;
    }

    /**
     * The smallest rectangle holding both.
     *
     * @param o the other rectangle
     * @return the union's bounding box
     */
    public Rect union(Rect o) {
        if (o.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return o;
        }
        int x0 = Math.min(x, o.x);
        int y0 = Math.min(y, o.y);
        return new Rect(x0, y0, Math.max(x + width, o.x + o.width) - x0, Math.max(y + height, o.y + o.height) - y0);
    }

    /**
     * The part inside a canvas.
     *
     * @param canvasWidth canvas width
     * @param canvasHeight canvas height
     * @return the clipped rectangle, possibly empty
     */
    public Rect clip(int canvasWidth, int canvasHeight) {
        int x0 = Math.max(0, x);
        int y0 = Math.max(0, y);
        int x1 = Math.min(canvasWidth, x + width);
        int y1 = Math.min(canvasHeight, y + height);
        return x1 <= x0 || y1 <= y0 ? EMPTY : new Rect(x0, y0, x1 - x0, y1 - y0);
    }

    /**
     * The pixel count.
     *
     * @return width times height, 0 when empty
     */
    public long area() {
        return isEmpty() ? 0 : (long) width * height;
    }
}
