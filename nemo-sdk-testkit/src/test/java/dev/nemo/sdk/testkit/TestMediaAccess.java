package dev.nemo.sdk.testkit;

/** Opens {@link TestMedia} to tests of the internal package. */
public final class TestMediaAccess {
    private TestMediaAccess() {}

    /** @see TestMedia#gif */
    public static byte[] gif(int width, int height, int... delaysCs) {
        return TestMedia.gif(width, height, delaysCs);
    }

    /** @see TestMedia#png */
    public static byte[] png(int width, int height) {
        return TestMedia.png(width, height);
    }

    /** @see TestMedia#apng */
    public static byte[] apng(int width, int height, int... delays) {
        return TestMedia.apng(width, height, delays);
    }

    /** @see TestMedia#mp4 */
    public static byte[] mp4(int width, int height, int timescale, int duration, int samples) {
        return TestMedia.mp4(width, height, timescale, duration, samples);
    }
}
