package dev.nemo.sdk.testkit.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test oracle, independent of FFmpeg: the box structure of an MP4 file. */
public final class Mp4Boxes {

    private final ByteBuffer b;

    private Mp4Boxes(byte[] bytes) {
        this.b = ByteBuffer.wrap(bytes);
    }

    /**
     * Reads a file.
     *
     * @param file an MP4
     * @return the parsed boxes
     * @throws IOException if the file cannot be read
     */
    public static Mp4Boxes read(Path file) throws IOException {
        return new Mp4Boxes(Files.readAllBytes(file));
    }

    /**
     * The types of the top-level boxes, in file order.
     *
     * @return e.g. {@code [ftyp, moov, free, mdat]}
     */
    public List<String> topLevel() {
        List<String> types = new ArrayList<>();
        int p = 0;
        while (p + 8 <= b.limit()) {
            long size = b.getInt(p) & 0xffffffffL;
            types.add(type(p));
            if (size == 1) {
                size = b.getLong(p + 8);
            } else if (size == 0) {
                size = b.limit() - p;
            }
            if (size < 8) {
                break;
            }
            p += (int) size;
        }
        return types;
    }

    /**
     * The movie duration from {@code moov/mvhd}, which players show.
     *
     * @return seconds
     */
    public double movieSeconds() {
        int mvhd = find("mvhd");
        int version = b.get(mvhd + 8) & 0xff;
        if (version == 1) {
            return (double) b.getLong(mvhd + 8 + 4 + 16 + 4) / (b.getInt(mvhd + 8 + 4 + 16) & 0xffffffffL);
        }
        long timescale = b.getInt(mvhd + 8 + 4 + 8) & 0xffffffffL;
        long duration = b.getInt(mvhd + 8 + 4 + 12) & 0xffffffffL;
        return (double) duration / timescale;
    }

    /**
     * The sum of the video track's sample durations ({@code stts}) over its media timescale:
     * the length a reader that ignores edit lists sees.
     *
     * @return seconds
     */
    public double sampleTableSeconds() {
        int mdhd = find("mdhd");
        long timescale = b.getInt(mdhd + 8 + 4 + 8) & 0xffffffffL;
        int stts = find("stts");
        int entries = b.getInt(stts + 12);
        long total = 0;
        for (int i = 0; i < entries; i++) {
            total += (b.getInt(stts + 16 + i * 8) & 0xffffffffL) * (b.getInt(stts + 20 + i * 8) & 0xffffffffL);
        }
        return (double) total / timescale;
    }

    /**
     * Whether a box type occurs anywhere (a plain byte search for its fourcc after a size).
     *
     * @param type e.g. {@code avc1}
     * @return true if found
     */
    public boolean contains(String type) {
        return find(type) >= 0;
    }

    private int find(String type) {
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = 4; i + 4 <= b.limit(); i++) {
            for (int k = 0; k < 4; k++) {
                if (b.get(i + k) != t[k]) {
                    continue outer;
                }
            }
            return i - 4;
        }
        return -1;
    }

    private String type(int p) {
        return new String(
                new byte[] {b.get(p + 4), b.get(p + 5), b.get(p + 6), b.get(p + 7)}, StandardCharsets.ISO_8859_1);
    }
}
