package dev.nemo.sdk.testkit.media.internal.webp;

/**
 * The picture size a VP8 or VP8L bitstream declares in its first bytes, checked against the size
 * its frame header gives before any decoder sees it: the decoder then never allocates more than
 * the checked frame.
 */
final class BitstreamSize {

    private static final int VP8L_SIGNATURE = 0x2f;

    private BitstreamSize() {}

    /**
     * Checks that a bitstream declares the expected size.
     *
     * @param bytes the file
     * @param image the {@code VP8 } or {@code VP8L} chunk
     * @param width the expected width
     * @param height the expected height
     * @throws dev.nemo.sdk.testkit.media.MediaRejectedException if it is too short, not a key frame, or another size
     */
    static void check(byte[] bytes, RiffChunk image, int width, int height) {
        int p = image.offset();
        int w;
        int h;
        if (image.fourcc().equals("VP8L")) {
            if (image.length() < 5 || Bytes.u8(bytes, p) != VP8L_SIGNATURE) {
                throw AnmfFrame.bad("a VP8L bitstream has no signature");
            }
            long bits = Bytes.u32(bytes, p + 1);
            w = 1 + (int) (bits & 0x3fff);
            h = 1 + (int) (bits >>> 14 & 0x3fff);
            if ((bits >>> 29) != 0) {
                throw AnmfFrame.bad("a VP8L bitstream has an unknown version " + (bits >>> 29));
            }
        } else {
            if (image.length() < 10
                    || (Bytes.u8(bytes, p) & 1) != 0
                    || Bytes.u8(bytes, p + 3) != 0x9d
                    || Bytes.u8(bytes, p + 4) != 0x01
                    || Bytes.u8(bytes, p + 5) != 0x2a) {
                throw AnmfFrame.bad("a VP8 bitstream is not a key frame");
            }
            w = Bytes.u16(bytes, p + 6) & 0x3fff;
            h = Bytes.u16(bytes, p + 8) & 0x3fff;
        }
        if (w != width || h != height) {
            throw AnmfFrame.bad("a frame's header says " + width + "x" + height + " but its bitstream " + w + "x" + h);
        }
    }
}
