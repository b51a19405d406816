package dev.nemo.sdk.testkit.media.internal.webp;

/**
 * Wraps one animation frame's bitstream as a still WebP file (RFC 9649, section 2.5): a
 * {@code VP8L} image alone, a {@code VP8 } image alone, or, with an {@code ALPH} chunk, a
 * {@code VP8X} header with the alpha flag, the alpha chunk and the image. A still decoder then
 * reads the frame as it would any picture.
 */
final class StillWebp {

    private static final int FLAG_ALPHA = 0x10;
    private static final int VP8X_LENGTH = 10;

    private StillWebp() {}

    /**
     * The still WebP of a frame.
     *
     * @param bytes the animated file
     * @param frame the frame
     * @return a complete still WebP file
     */
    static byte[] of(byte[] bytes, AnmfFrame frame) {
        boolean extended = frame.alpha() != null;
        int size = 12 + (extended ? RiffChunk.HEADER + VP8X_LENGTH + padded(frame.alpha()) : 0) + padded(frame.image());
        byte[] out = new byte[size];
        Bytes.putAscii(out, 0, "RIFF");
        Bytes.put32(out, 4, size - 8);
        Bytes.putAscii(out, 8, "WEBP");
        int pos = 12;
        if (extended) {
            Bytes.putAscii(out, pos, "VP8X");
            Bytes.put32(out, pos + 4, VP8X_LENGTH);
            out[pos + 8] = FLAG_ALPHA;
            Bytes.put24(out, pos + 12, frame.width() - 1);
            Bytes.put24(out, pos + 15, frame.height() - 1);
            pos += RiffChunk.HEADER + VP8X_LENGTH;
            pos = copy(bytes, frame.alpha(), out, pos);
        }
        copy(bytes, frame.image(), out, pos);
        return out;
    }

    private static int padded(RiffChunk c) {
        return RiffChunk.HEADER + c.length() + (c.length() & 1);
    }

    /** Copies a chunk, header included; the pad byte stays zero. */
    private static int copy(byte[] from, RiffChunk c, byte[] to, int pos) {
        System.arraycopy(from, c.offset() - RiffChunk.HEADER, to, pos, RiffChunk.HEADER + c.length());
        return pos + padded(c);
    }
}
