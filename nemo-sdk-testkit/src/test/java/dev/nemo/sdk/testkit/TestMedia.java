package dev.nemo.sdk.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Builds small but well-formed media files whose header facts are known exactly. */
final class TestMedia {
    private TestMedia() {}

    /**
     * @param width       logical screen width
     * @param height      logical screen height
     * @param delaysCs    one frame per delay, in centiseconds
     * @return an animated GIF89a whose frames are 1x1 sub-rectangles
     */
    static byte[] gif(int width, int height, int... delaysCs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("GIF89a".getBytes(StandardCharsets.US_ASCII));
        le16(out, width);
        le16(out, height);
        out.write(0x80);
        out.write(0);
        out.write(0);
        out.writeBytes(new byte[] {0, 0, 0, (byte) 255, (byte) 255, (byte) 255});
        out.writeBytes(new byte[] {0x21, (byte) 0xff, 0x0b});
        out.writeBytes("NETSCAPE2.0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {0x03, 0x01, 0x00, 0x00, 0x00});
        for (int delay : delaysCs) {
            out.writeBytes(new byte[] {0x21, (byte) 0xf9, 0x04, 0x04});
            le16(out, delay);
            out.writeBytes(new byte[] {0x00, 0x00});
            out.write(0x2c);
            le16(out, 0);
            le16(out, 0);
            le16(out, 1);
            le16(out, 1);
            out.write(0);
            out.writeBytes(new byte[] {0x02, 0x02, 0x44, 0x01, 0x00});
        }
        out.write(0x3b);
        return out.toByteArray();
    }

    /** @return a still PNG of that size (IDAT content is not a real image; only the structure matters) */
    static byte[] png(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(
                out,
                "IHDR",
                ByteBuffer.allocate(13)
                        .putInt(width)
                        .putInt(height)
                        .put((byte) 8)
                        .put((byte) 6)
                        .put((byte) 0)
                        .put((byte) 0)
                        .put((byte) 0)
                        .array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /**
     * @param width  canvas width
     * @param height canvas height
     * @param delays pairs of (numerator, denominator) per frame
     * @return an APNG with one fcTL per frame
     */
    static byte[] apng(int width, int height, int... delays) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(
                out,
                "IHDR",
                ByteBuffer.allocate(13)
                        .putInt(width)
                        .putInt(height)
                        .put((byte) 8)
                        .put((byte) 6)
                        .put((byte) 0)
                        .put((byte) 0)
                        .put((byte) 0)
                        .array());
        chunk(
                out,
                "acTL",
                ByteBuffer.allocate(8).putInt(delays.length / 2).putInt(0).array());
        int seq = 0;
        for (int i = 0; i < delays.length; i += 2) {
            chunk(
                    out,
                    "fcTL",
                    ByteBuffer.allocate(26)
                            .putInt(seq++)
                            .putInt(width)
                            .putInt(height)
                            .putInt(0)
                            .putInt(0)
                            .putShort((short) delays[i])
                            .putShort((short) delays[i + 1])
                            .put((byte) 0)
                            .put((byte) 0)
                            .array());
            if (i == 0) {
                chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
            } else {
                chunk(
                        out,
                        "fdAT",
                        ByteBuffer.allocate(12).putInt(seq++).put(new byte[8]).array());
            }
        }
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /**
     * @param width     video track width
     * @param height    video track height
     * @param timescale movie and media timescale
     * @param duration  duration in timescale units
     * @param samples   frames in the video track
     * @return an MP4 with ftyp, moov (mvhd, one video trak) and an empty mdat
     */
    static byte[] mp4(int width, int height, int timescale, int duration, int samples) {
        byte[] mvhd = box(
                "mvhd",
                ByteBuffer.allocate(100)
                        .putInt(0)
                        .putInt(0)
                        .putInt(0)
                        .putInt(timescale)
                        .putInt(duration)
                        .array());
        ByteBuffer tk = ByteBuffer.allocate(84);
        tk.putInt(0x00000003).putInt(0).putInt(0).putInt(1).putInt(0).putInt(duration);
        tk.position(76);
        tk.putInt(width << 16).putInt(height << 16);
        byte[] tkhd = box("tkhd", tk.array());
        byte[] mdhd = box(
                "mdhd",
                ByteBuffer.allocate(24)
                        .putInt(0)
                        .putInt(0)
                        .putInt(0)
                        .putInt(timescale)
                        .putInt(duration)
                        .putInt(0)
                        .array());
        byte[] hdlr = box(
                "hdlr",
                ByteBuffer.allocate(25)
                        .putInt(0)
                        .putInt(0)
                        .put("vide".getBytes(StandardCharsets.US_ASCII))
                        .array());
        byte[] stts = box(
                "stts",
                ByteBuffer.allocate(16)
                        .putInt(0)
                        .putInt(1)
                        .putInt(samples)
                        .putInt(samples == 0 ? 0 : duration / samples)
                        .array());
        byte[] stbl = box("stbl", stts);
        byte[] minf = box("minf", stbl);
        byte[] mdia = box("mdia", concat(mdhd, hdlr, minf));
        byte[] trak = box("trak", concat(tkhd, mdia));
        byte[] moov = box("moov", concat(mvhd, trak));
        byte[] ftyp = box(
                "ftyp",
                concat(
                        "isom".getBytes(StandardCharsets.US_ASCII),
                        new byte[] {0, 0, 2, 0},
                        "isomiso2avc1mp41".getBytes(StandardCharsets.US_ASCII)));
        return concat(ftyp, box("mdat", new byte[16]), moov);
    }

    private static byte[] box(String type, byte[] content) {
        return ByteBuffer.allocate(8 + content.length)
                .putInt(8 + content.length)
                .put(type.getBytes(StandardCharsets.US_ASCII))
                .put(content)
                .array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static void le16(ByteArrayOutputStream out, int v) {
        out.write(v & 0xff);
        out.write((v >> 8) & 0xff);
    }
}
