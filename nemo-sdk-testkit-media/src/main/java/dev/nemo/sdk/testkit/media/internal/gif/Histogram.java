package dev.nemo.sdk.testkit.media.internal.gif;

/**
 * The colours of the pixels a GIF will have to draw: counts and colour sums in 32x32x32 bins,
 * plus the exact colours while there are few of them (a screen recording's palette is kept as it
 * is). Large areas are sampled so that one pass stays cheap.
 */
public final class Histogram {

    static final int BINS = 1 << 15;
    /** Above this many pixels a region is sampled. */
    private static final int SAMPLE_ABOVE = 1 << 18;
    private static final int EXACT_LIMIT = 512;

    final long[] count = new long[BINS];
    final long[] sumR = new long[BINS];
    final long[] sumG = new long[BINS];
    final long[] sumB = new long[BINS];
    private final int[] exact = new int[EXACT_LIMIT * 4];
    private final long[] exactHits = new long[EXACT_LIMIT * 4];
    private int exactCount;
    private boolean tooManyExact;
    private long total;

    /**
     * Adds the opaque pixels of a region of a frame.
     *
     * @param argb the frame, row-major
     * @param stride the frame's width
     * @param r the region
     */
    public void add(int[] argb, int stride, Rect r) {
        long area = r.area();
        int step = area > SAMPLE_ABOVE ? (int) Math.min(16, (area + SAMPLE_ABOVE - 1) / SAMPLE_ABOVE) : 1;
        int phase = 0;
        for (int y = r.y(); y < r.y() + r.height(); y++) {
            int row = y * stride;
            for (int x = r.x() + phase; x < r.x() + r.width(); x += step) {
                int p = argb[row + x];
                if (Colors.opaque(p)) {
                    add(p & 0xffffff);
                }
            }
            phase = (phase + 1) % step;
        }
    }

    private void add(int rgb) {
        int r = rgb >> 16 & 0xff;
        int g = rgb >> 8 & 0xff;
        int b = rgb & 0xff;
        int bin = (r >> 3) << 10 | (g >> 3) << 5 | b >> 3;
        count[bin]++;
        sumR[bin] += r;
        sumG[bin] += g;
        sumB[bin] += b;
        total++;
        if (!tooManyExact) {
            addExact(rgb);
        }
    }

    private void addExact(int rgb) {
        int mask = exact.length - 1;
        int key = rgb + 1;
        for (int h = (rgb * 0x9E3779B1) >>> 20 & mask; ; h = (h + 1) & mask) {
            if (exact[h] == key) {
                exactHits[h]++;
                return;
            }
            if (exact[h] == 0) {
                if (exactCount == EXACT_LIMIT) {
                    tooManyExact = true;
                    return;
                }
                exact[h] = key;
                exactHits[h] = 1;
                exactCount++;
                return;
            }
        }
    }

    /**
     * The number of distinct colours seen, or -1 when more than can be held exactly.
     *
     * @return the count
     */
    public int distinct() {
        return tooManyExact ? -1 : exactCount;
    }

    /**
     * The pixels counted.
     *
     * @return the count
     */
    public long total() {
        return total;
    }

    /**
     * The exact colours, when there are at most {@code limit}, the most frequent first (low indices
     * for the common colours let small images use narrower LZW codes).
     *
     * @param limit the most wanted
     * @return the colours (RGB), or null when there are more
     */
    int[] exactColors(int limit) {
        if (tooManyExact || exactCount > limit) {
            return null;
        }
        int[] slots = new int[exactCount];
        int n = 0;
        for (int h = 0; h < exact.length; h++) {
            if (exact[h] != 0) {
                slots[n++] = h;
            }
        }
        return java.util.stream.IntStream.of(slots).boxed()
                .sorted((a, b) -> Long.compare(exactHits[b], exactHits[a]))
                .mapToInt(h -> exact[h] - 1).toArray();
    }
}
