package dev.nemo.sdk.testkit.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test oracle, independent of FFmpeg: walks a GIF's blocks and reads each image's delay from the
 * Graphic Control Extension before it. Delays of 0 or 1 centiseconds count as 10, as browsers
 * show them.
 */
public final class GifTiming {

    private GifTiming() {}

    /**
     * The delay of every image, in centiseconds, after the browser rule.
     *
     * @param file a GIF
     * @return one delay per image
     * @throws IOException if the file cannot be read
     */
    public static List<Integer> delays(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        int p = 6;
        int packed = b[p + 4] & 0xff;
        p += 7;
        if ((packed & 0x80) != 0) {
            p += 3 * (1 << ((packed & 7) + 1));
        }
        List<Integer> delays = new ArrayList<>();
        int pending = 0;
        while (p < b.length) {
            int block = b[p++] & 0xff;
            if (block == 0x3B) {
                break;
            }
            if (block == 0x21) {
                int label = b[p++] & 0xff;
                if (label == 0xF9) {
                    pending = (b[p + 2] & 0xff) | (b[p + 3] & 0xff) << 8;
                }
                p = skipSubBlocks(b, p);
            } else if (block == 0x2C) {
                int ipacked = b[p + 8] & 0xff;
                p += 9;
                if ((ipacked & 0x80) != 0) {
                    p += 3 * (1 << ((ipacked & 7) + 1));
                }
                p++; // LZW minimum code size
                p = skipSubBlocks(b, p);
                delays.add(pending < 2 ? 10 : pending);
                pending = 0;
            } else {
                break; // garbage: the decoders stop here too
            }
        }
        return delays;
    }

    /**
     * The sum of the delays.
     *
     * @param file a GIF
     * @return the duration in milliseconds
     * @throws IOException if the file cannot be read
     */
    public static long durationMillis(Path file) throws IOException {
        return delays(file).stream().mapToLong(d -> d * 10L).sum();
    }

    private static int skipSubBlocks(byte[] b, int p) {
        while (p < b.length) {
            int n = b[p++] & 0xff;
            if (n == 0) {
                break;
            }
            p += n;
        }
        return p;
    }
}
