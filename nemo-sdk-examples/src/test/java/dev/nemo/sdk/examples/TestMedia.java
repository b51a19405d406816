package dev.nemo.sdk.examples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Small media for tests: a generated GIF whose header facts are known, and the demo's bundled sample. */
final class TestMedia {
    private TestMedia() {}

    /** @return an animated GIF89a of that logical size, one 1x1 frame per delay (centiseconds) */
    static byte[] gif(int width, int height, int... delaysCs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("GIF89a".getBytes(StandardCharsets.US_ASCII));
        le16(out, width);
        le16(out, height);
        out.writeBytes(new byte[] {(byte) 0x80, 0, 0, 0, 0, 0, (byte) 255, (byte) 255, (byte) 255});
        for (int delay : delaysCs) {
            out.writeBytes(new byte[] {0x21, (byte) 0xf9, 0x04, 0x04});
            le16(out, delay);
            out.writeBytes(new byte[] {0x00, 0x00, 0x2c});
            le16(out, 0);
            le16(out, 0);
            le16(out, 1);
            le16(out, 1);
            out.writeBytes(new byte[] {0, 0x02, 0x02, 0x44, 0x01, 0x00});
        }
        out.write(0x3b);
        return out.toByteArray();
    }

    /** @return the bytes of the GIF the demo bundles */
    static byte[] sample() {
        try (InputStream in = TestMedia.class.getResourceAsStream(Demo.SAMPLE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void le16(ByteArrayOutputStream out, int v) {
        out.write(v & 0xff);
        out.write((v >> 8) & 0xff);
    }
}
