package dev.nemo.sdk.upload;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A deterministic stream of pseudo-random bytes that starts like a GIF, generated on the fly so
 * that neither side of a large upload test ever holds it in memory.
 */
final class GeneratedContent extends InputStream {
    private static final byte[] HEADER = "GIF89a".getBytes(StandardCharsets.US_ASCII);
    private final long size;
    private long position;
    private long state = 0x9E3779B97F4A7C15L;
    private long word;

    GeneratedContent(long size) {
        this.size = size;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (position >= size) {
            return -1;
        }
        int n = (int) Math.min(len, size - position);
        for (int i = 0; i < n; i++) {
            long p = position + i;
            if (p < HEADER.length) {
                b[off + i] = HEADER[(int) p];
                continue;
            }
            if ((p & 7) == 0 || p == HEADER.length) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                word = state;
            }
            b[off + i] = (byte) (word >>> ((p & 7) * 8));
        }
        position += n;
        return n;
    }
}
