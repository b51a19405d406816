package dev.nemo.sdk.testkit.media.internal;

/**
 * A frame size in pixels.
 *
 * @param width the width
 * @param height the height
 */
public record Size(int width, int height) {

    /**
     * The pixel count.
     *
     * @return width &times; height
     */
    public long pixels() {
        return (long) width * height;
    }

    /**
     * The shorter side.
     *
     * @return min(width, height)
     */
    public int shortSide() {
        return Math.min(width, height);
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
