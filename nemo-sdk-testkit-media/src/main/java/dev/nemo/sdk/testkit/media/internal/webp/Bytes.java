package dev.nemo.sdk.testkit.media.internal.webp;

/** Little-endian reads and writes on byte arrays, the integers of the WebP container. */
final class Bytes {

    private Bytes() {}

    static int u8(byte[] b, int off) {
        return b[off] & 0xff;
    }

    static int u16(byte[] b, int off) {
        return u8(b, off) | u8(b, off + 1) << 8;
    }

    static int u24(byte[] b, int off) {
        return u16(b, off) | u8(b, off + 2) << 16;
    }

    static long u32(byte[] b, int off) {
        return (u24(b, off) | (long) u8(b, off + 3) << 24) & 0xffffffffL;
    }

    static void put24(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
        b[off + 2] = (byte) (v >>> 16);
    }

    static void put32(byte[] b, int off, int v) {
        put24(b, off, v);
        b[off + 3] = (byte) (v >>> 24);
    }

    static void putAscii(byte[] b, int off, String fourcc) {
        for (int i = 0; i < 4; i++) {
            b[off + i] = (byte) fourcc.charAt(i);
        }
    }
}
