package dev.nemo.sdk.testkit.media.internal.gif;

import java.io.ByteArrayOutputStream;

/**
 * GIF's LZW, with an optional lossy mode after giflossy: while a code's string is extended, the
 * next pixel may take any index whose colour stays within an error budget of the colour it should
 * have, so runs grow longer and the file smaller. With a budget of 0 (or rigid pixels) the output
 * decodes to exactly the indices asked for.
 *
 * <p>The dictionary is a trie: an exact {@code (code, index) -> child} table (stamped, so a clear
 * costs nothing) for the lossless step, and per-code child lists for the lossy search. The table
 * is cleared (a clear code is sent) when all 4096 codes are used.
 */
public final class LzwEncoder {

    private static final int MAX_CODES = 4096;

    /** What each pixel may become. */
    public interface Pixels {
        /**
         * The number of pixels.
         *
         * @return the count
         */
        int size();

        /**
         * The index a pixel asks for (always acceptable).
         *
         * @param i the pixel
         * @return its index
         */
        int wanted(int i);

        /**
         * What it costs to give a pixel another index.
         *
         * @param i the pixel
         * @param index a different index
         * @return the error, or -1 when not acceptable
         */
        int cost(int i, int index);
    }

    private final int[] exact = new int[MAX_CODES << 8];
    private final int[] exactStamp = new int[MAX_CODES << 8];
    private final int[] firstChild = new int[MAX_CODES];
    private final int[] nextSibling = new int[MAX_CODES];
    private final int[] suffix = new int[MAX_CODES];
    private int stamp;

    /**
     * Encodes one image's indices.
     *
     * @param minCodeSize the LZW minimum code size (2..8)
     * @param px the pixels
     * @param lossy whether to search for near matches (false: exact indices)
     * @param emitted receives the index written for every pixel (what a decoder will show)
     * @return the LZW data, without the minimum code size byte and not yet split into sub-blocks
     */
    public byte[] encode(int minCodeSize, Pixels px, boolean lossy, int[] emitted) {
        int clear = 1 << minCodeSize;
        int end = clear + 1;
        Bits out = new Bits(px.size() / 2 + 16);
        int width = minCodeSize + 1;
        int nextCode = end + 1;
        reset(clear);
        out.write(clear, width);
        int n = px.size();
        if (n == 0) {
            out.write(end, width);
            return out.bytes();
        }
        int cur = px.wanted(0);
        emitted[0] = cur;
        for (int i = 1; i < n; i++) {
            int want = px.wanted(i);
            int child = child(cur, want);
            if (child < 0 && lossy) {
                child = nearChild(cur, px, i);
            }
            if (child >= 0) {
                cur = child;
                emitted[i] = suffix[child];
                continue;
            }
            out.write(cur, width);
            if (nextCode < MAX_CODES) {
                add(cur, want, nextCode);
                nextCode++;
                if (nextCode > (1 << width) && width < 12) {
                    width++;
                }
            } else {
                out.write(clear, width);
                reset(clear);
                width = minCodeSize + 1;
                nextCode = end + 1;
            }
            cur = want;
            emitted[i] = want;
        }
        out.write(cur, width);
        out.write(end, width);
        return out.bytes();
    }

    private void reset(int clear) {
        stamp++;
        if (stamp == 0) {
            java.util.Arrays.fill(exactStamp, 0);
            stamp = 1;
        }
        for (int c = 0; c < MAX_CODES; c++) {
            firstChild[c] = -1;
        }
        for (int c = 0; c < clear; c++) {
            suffix[c] = c;
        }
    }

    private int child(int code, int index) {
        int k = code << 8 | index;
        return exactStamp[k] == stamp ? exact[k] : -1;
    }

    private void add(int parent, int index, int code) {
        int k = parent << 8 | index;
        exact[k] = code;
        exactStamp[k] = stamp;
        suffix[code] = index;
        nextSibling[code] = firstChild[parent];
        firstChild[parent] = code;
    }

    private int nearChild(int code, Pixels px, int i) {
        int best = -1;
        int bestCost = Integer.MAX_VALUE;
        for (int c = firstChild[code]; c >= 0; c = nextSibling[c]) {
            int cost = px.cost(i, suffix[c]);
            if (cost >= 0 && cost < bestCost) {
                bestCost = cost;
                best = c;
            }
        }
        return best;
    }

    /** Packs codes least significant bit first. */
    private static final class Bits {
        private final ByteArrayOutputStream bytes;
        private long acc;
        private int count;

        Bits(int capacity) {
            bytes = new ByteArrayOutputStream(capacity);
        }

        void write(int code, int width) {
            acc |= (long) code << count;
            count += width;
            while (count >= 8) {
                bytes.write((int) (acc & 0xff));
                acc >>>= 8;
                count -= 8;
            }
        }

        byte[] bytes() {
            if (count > 0) {
                bytes.write((int) (acc & 0xff));
                acc = 0;
                count = 0;
            }
            return bytes.toByteArray();
        }
    }
}
