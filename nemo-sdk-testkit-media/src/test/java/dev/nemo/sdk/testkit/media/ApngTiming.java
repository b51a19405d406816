package dev.nemo.sdk.testkit.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test oracle, independent of FFmpeg: reads the frame delays of an APNG from its {@code fcTL}
 * chunks (a zero denominator means 100; a zero delay is shown as 100 ms, the engine's rule).
 */
public final class ApngTiming {

    private ApngTiming() {}

    /**
     * Every frame's delay in milliseconds.
     *
     * @param file an APNG
     * @return one delay per frame
     * @throws IOException if the file cannot be read
     */
    public static List<Double> delaysMillis(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
        List<Double> delays = new ArrayList<>();
        int p = 8;
        while (p + 8 <= b.limit()) {
            int len = b.getInt(p);
            String type = new String(
                    new byte[] {b.get(p + 4), b.get(p + 5), b.get(p + 6), b.get(p + 7)},
                    java.nio.charset.StandardCharsets.ISO_8859_1);
            if (type.equals("fcTL")) {
                int num = b.getShort(p + 8 + 20) & 0xffff;
                int den = b.getShort(p + 8 + 22) & 0xffff;
                delays.add(num == 0 ? 100.0 : num * 1000.0 / (den == 0 ? 100 : den));
            }
            if (type.equals("IEND")) {
                break;
            }
            p += 12 + len;
        }
        return delays;
    }

    /**
     * The sum of the delays.
     *
     * @param file an APNG
     * @return the duration in milliseconds
     * @throws IOException if the file cannot be read
     */
    public static double durationMillis(Path file) throws IOException {
        return delaysMillis(file).stream().mapToDouble(Double::doubleValue).sum();
    }
}
