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
    /** The run-length average spans about this many codes. */
    private static final double EWMA_SPAN = 64;
    /**
     * A full table is kept (codes are still written, none added) until the average run falls below
     * this share of what it was when the table filled: then a clear starts a fresh one.
     */
    private static final double CLEAR_WHEN = 0.8;

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

        /**
         * Another index a string may start with at this pixel (the colour a kept pixel already shows).
         *
         * @param i the pixel
         * @return the index, or -1 for none
         */
        default int alternative(int i) {
            return -1;
        }

        /**
         * The indices that may be close enough to start a string at this pixel (a superset; each is
         * still checked with {@link #cost}).
         *
         * @param i the pixel
         * @return candidate indices
         */
        default int[] near(int i) {
            int a = alternative(i);
            return a < 0 ? new int[0] : new int[] {a};
        }

        /**
         * What it costs to give a pixel another index when the string so far left an error behind
         * (giflossy's diffusion along the run: an error the pixels before made in one direction
         * makes the same error here cost more, an opposite one less).
         *
         * @param i the pixel
         * @param index a different index
         * @param carried the error carried from the pixel before, packed by {@link Carry}
         * @return the error, or -1 when not acceptable
         */
        default int cost(int i, int index, long carried) {
            return cost(i, index);
        }

        /**
         * The error a pixel passes on to the next one of the string when it takes an index.
         *
         * @param i the pixel
         * @param index the index it takes (the wanted one or an acceptable other)
         * @param carried the error it received
         * @return the error to pass on, packed by {@link Carry}
         */
        default long carry(int i, int index, long carried) {
            return Carry.NONE;
        }
    }

    private final int[] exact = new int[MAX_CODES << 8];
    private final int[] exactStamp = new int[MAX_CODES << 8];
    private final int[] firstChild = new int[MAX_CODES];
    private final int[] nextSibling = new int[MAX_CODES];
    private final int[] suffix = new int[MAX_CODES];
    private final int[] parent = new int[MAX_CODES];
    private final MatchSearch search = new MatchSearch(this);
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
        int first = -1;
        double ewma = 0;
        double ewmaAtFull = 0;
        for (int i = 0; i < n; ) {
            int code = search.longest(px, i, clear, lossy, first);
            int stop = search.end();
            for (int c = code, k = stop - 1; k >= i; c = parent[c], k--) {
                emitted[k] = suffix[c];
            }
            out.write(code, width);
            ewma += ((stop - i) - ewma) / EWMA_SPAN;
            first = stop < n ? nextFirst(px, stop, emitted[stop - 1], clear, lossy) : -1;
            // the string just written plus the next one's first index joins the dictionary before the next
            // search, so a run can use it at once (LZW's KwKwK case)
            if (first >= 0 && nextCode < MAX_CODES) {
                add(code, first, nextCode++);
                if (nextCode > (1 << width) && width < 12) {
                    width++;
                }
                ewmaAtFull = ewma;
            }
            if (nextCode >= MAX_CODES && ewma < ewmaAtFull * CLEAR_WHEN) {
                out.write(clear, width);
                reset(clear);
                width = minCodeSize + 1;
                nextCode = end + 1;
            }
            i = stop;
        }
        out.write(end, width);
        return out.bytes();
    }

    /**
     * The index the string starting at {@code i} begins with: the one written just before when the
     * pixel may take it at no cost (a kept pixel that already shows it: a run goes on), otherwise the
     * wanted one.
     */
    private static int nextFirst(Pixels px, int i, int before, int roots, boolean lossy) {
        int want = px.wanted(i);
        if (lossy && before != want && before < roots && px.cost(i, before, Carry.NONE) == 0) {
            return before;
        }
        return want;
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

    int child(int code, int index) {
        int k = code << 8 | index;
        return exactStamp[k] == stamp ? exact[k] : -1;
    }

    private void add(int prefix, int index, int code) {
        int k = prefix << 8 | index;
        exact[k] = code;
        exactStamp[k] = stamp;
        suffix[code] = index;
        parent[code] = prefix;
        nextSibling[code] = firstChild[prefix];
        firstChild[prefix] = code;
    }

    int firstChild(int code) {
        return firstChild[code];
    }

    int nextSibling(int code) {
        return nextSibling[code];
    }

    int suffix(int code) {
        return suffix[code];
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
