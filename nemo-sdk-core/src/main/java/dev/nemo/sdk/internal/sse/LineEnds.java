package dev.nemo.sdk.internal.sse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds the next CR or LF in a byte array, reading eight bytes at a time as a {@code long}
 * ("SIMD within a register"): Java 17 has no portable vector API, and C2 does not vectorise an
 * early-exit byte loop, so this is what runs several times faster than a byte-by-byte scan.
 */
final class LineEnds {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LFS = 0x0A0A0A0A0A0A0A0AL;
    private static final long CRS = 0x0D0D0D0D0D0D0D0DL;
    /** Every byte 0x0E: one past CR, the larger of the two line-end bytes. */
    private static final long BELOW_CR = 0x0E0E0E0E0E0E0E0EL;
    private static final int BLOCK = 4 * Long.BYTES;

    private LineEnds() {
    }

    /**
     * {@return the index of the first CR or LF in {@code [from, end)}, or -1}
     *
     * @param a    the bytes
     * @param from the first index to look at
     * @param end  one past the last index to look at
     */
    static int find(byte[] a, int from, int end) {
        int i = from;
        // Text rarely holds bytes below 0x0E other than line ends: a block of 32 bytes is first
        // tested for any such byte with three operations per word, and only then word by word.
        for (int last = end - BLOCK; i <= last; i += BLOCK) {
            long w0 = (long) LONGS.get(a, i);
            long w1 = (long) LONGS.get(a, i + Long.BYTES);
            long w2 = (long) LONGS.get(a, i + 2 * Long.BYTES);
            long w3 = (long) LONGS.get(a, i + 3 * Long.BYTES);
            long below = (((w0 - BELOW_CR) & ~w0) | ((w1 - BELOW_CR) & ~w1) | ((w2 - BELOW_CR) & ~w2)
                    | ((w3 - BELOW_CR) & ~w3)) & HIGHS;
            if (below != 0) {
                int found = findInWords(a, i, i + BLOCK);
                if (found >= 0) {
                    return found;
                }
            }
        }
        int found = findInWords(a, i, end - (end - i) % Long.BYTES);
        if (found >= 0) {
            return found;
        }
        for (i = end - (end - i) % Long.BYTES; i < end; i++) {
            byte b = a[i];
            if (b == '\n' || b == '\r') {
                return i;
            }
        }
        return -1;
    }

    /** The exact test, one word at a time, over {@code [from, end)} whose length is a multiple of eight. */
    private static int findInWords(byte[] a, int from, int end) {
        for (int i = from; i < end; i += Long.BYTES) {
            long w = (long) LONGS.get(a, i);
            long lf = w ^ LFS;
            long cr = w ^ CRS;
            // a zero byte in lf/cr marks LF/CR; a borrow can flag bytes above a true match, never below,
            // so the lowest flagged byte is always a true match
            long found = (((lf - ONES) & ~lf) | ((cr - ONES) & ~cr)) & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        return -1;
    }
}
