package dev.nemo.sdk.testkit.media.internal.gif;

/**
 * The colour error a lossy LZW string carries from one pixel to the next, packed in a long: three
 * signed channel differences (red, green, blue; source minus written), 21 bits each in two's complement (so no error packs to 0). A carried
 * error decays to 3/4 a pixel, so it stays within about four times one pixel's largest error.
 */
final class Carry {

    /** No error carried. */
    static final long NONE = 0;

    private static final int BITS = 21;
    private static final long MASK = (1L << BITS) - 1;
    private static final int SHIFT = 32 - BITS;

    private Carry() {
    }

    static long of(int r, int g, int b) {
        return (r & MASK) << (2 * BITS) | (g & MASK) << BITS | (b & MASK);
    }

    static int red(long c) {
        return signed(c >>> (2 * BITS));
    }

    static int green(long c) {
        return signed(c >>> BITS);
    }

    static int blue(long c) {
        return signed(c);
    }

    private static int signed(long field) {
        return (int) (field & MASK) << SHIFT >> SHIFT;
    }

    /** {@return the error decayed to 3/4, as a pixel written exactly passes it on} */
    static long decayed(long c) {
        return c == NONE ? NONE : of(red(c) * 3 / 4, green(c) * 3 / 4, blue(c) * 3 / 4);
    }
}
