package dev.nemo.sdk.testkit.media.internal;

import dev.nemo.sdk.testkit.media.MediaRejectedException;
import dev.nemo.sdk.testkit.media.MediaRejectedException.Reason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Identifies an input from its first bytes, before FFmpeg sees it: only known containers reach a
 * demuxer (and only the one demuxer for that type), animated WebP is told from still WebP, and the
 * canvas size a header declares is read so that a bomb is refused before anything is allocated.
 */
public final class InputSniffer {

    /**
     * What the header says.
     *
     * @param kind the input type
     * @param declaredWidth the width the header declares, 0 if unknown
     * @param declaredHeight the height the header declares, 0 if unknown
     */
    public record Sniffed(InputKind kind, int declaredWidth, int declaredHeight) {}

    private static final int MAX_CHUNKS = 4096;

    private InputSniffer() {}

    /**
     * Reads the header of a file.
     *
     * @param path the file
     * @return its type and declared size
     * @throws MediaRejectedException if the type is not supported
     * @throws IOException if the file cannot be read
     */
    public static Sniffed sniff(Path path) throws IOException {
        try (FileChannel file = FileChannel.open(path, StandardOpenOption.READ)) {
            return sniff((pos, len) -> {
                ByteBuffer b = ByteBuffer.allocate(len);
                while (b.hasRemaining()) {
                    if (file.read(b, pos + b.position()) < 0) {
                        break;
                    }
                }
                return b.flip();
            });
        }
    }

    /**
     * Reads the header of content held in memory (an upload).
     *
     * @param bytes the content
     * @return its type and declared size
     * @throws MediaRejectedException if the type is not supported
     */
    public static Sniffed sniff(byte[] bytes) throws MediaRejectedException {
        try {
            return sniff((pos, len) -> {
                int from = (int) Math.min(pos, bytes.length);
                return ByteBuffer.wrap(bytes, from, Math.min(len, bytes.length - from))
                        .slice();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("reading memory cannot fail", e);
        }
    }

    /** Positional reads: up to {@code len} bytes at {@code pos}, fewer at the end of the content. */
    @FunctionalInterface
    private interface Source {
        ByteBuffer read(long pos, int len) throws IOException;
    }

    private static Sniffed sniff(Source ch) throws IOException {
        ByteBuffer head = read(ch, 0, 32);
        int n = head.remaining();
        if (n == 0) {
            throw new MediaRejectedException(Reason.UNDECODABLE, "the file is empty");
        }
        if (startsWith(head, "GIF87a") || startsWith(head, "GIF89a")) {
            return n >= 10
                    ? new Sniffed(InputKind.GIF, u16le(head, 6), u16le(head, 8))
                    : new Sniffed(InputKind.GIF, 0, 0);
        }
        if (n >= 8 && (head.getLong(0) == 0x89504E470D0A1A0AL)) {
            return png(ch, head);
        }
        if (n >= 3 && (head.get(0) & 0xff) == 0xFF && (head.get(1) & 0xff) == 0xD8 && (head.get(2) & 0xff) == 0xFF) {
            return jpeg(ch);
        }
        if (n >= 12 && startsWith(head, "RIFF") && ascii(head, 8, 4).equals("WEBP")) {
            return webp(ch, head);
        }
        if (n >= 4 && head.getInt(0) == 0x1A45DFA3) {
            return new Sniffed(InputKind.MATROSKA, 0, 0);
        }
        if (n >= 8) {
            String box = ascii(head, 4, 4);
            if (box.equals("ftyp")
                    || box.equals("moov")
                    || box.equals("mdat")
                    || box.equals("wide")
                    || box.equals("free")
                    || box.equals("skip")
                    || box.equals("pnot")) {
                return new Sniffed(InputKind.MP4, 0, 0);
            }
        }
        throw new MediaRejectedException(
                Reason.UNSUPPORTED_FORMAT,
                "not a GIF, APNG, PNG, JPEG, WebP, MP4 or WebM file (it starts with " + hex(head, Math.min(n, 12))
                        + ")");
    }

    private static Sniffed png(Source ch, ByteBuffer head) throws IOException {
        int w = head.remaining() >= 24 ? u31be(head, 16) : 0;
        int h = head.remaining() >= 24 ? u31be(head, 20) : 0;
        long pos = 8;
        for (int i = 0; i < MAX_CHUNKS; i++) {
            ByteBuffer c = read(ch, pos, 8);
            if (c.remaining() < 8) {
                break;
            }
            long len = c.getInt(0) & 0xffffffffL;
            String type = ascii(c, 4, 4);
            if (type.equals("acTL")) {
                return new Sniffed(InputKind.APNG, w, h);
            }
            if (type.equals("IDAT") || type.equals("IEND")) {
                break;
            }
            pos += 12 + len;
        }
        return new Sniffed(InputKind.PNG, w, h);
    }

    private static Sniffed jpeg(Source ch) throws IOException {
        long pos = 2;
        for (int i = 0; i < MAX_CHUNKS; i++) {
            ByteBuffer m = read(ch, pos, 9);
            if (m.remaining() < 4 || (m.get(0) & 0xff) != 0xFF) {
                break;
            }
            int marker = m.get(1) & 0xff;
            if (marker == 0xFF) {
                pos++;
                continue;
            }
            int len = u16be(m, 2);
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof && m.remaining() >= 9) {
                return new Sniffed(InputKind.JPEG, u16be(m, 7), u16be(m, 5));
            }
            if (marker == 0xDA || marker == 0xD9) {
                break;
            }
            pos += 2 + len;
        }
        return new Sniffed(InputKind.JPEG, 0, 0);
    }

    private static Sniffed webp(Source ch, ByteBuffer head) throws IOException {
        String first = ascii(head, 12, 4);
        if (first.equals("VP8X")) {
            ByteBuffer x = read(ch, 20, 10);
            boolean animated = x.remaining() >= 1 && (x.get(0) & 0x02) != 0;
            int w = x.remaining() >= 10 ? 1 + u24le(x, 4) : 0;
            int h = x.remaining() >= 10 ? 1 + u24le(x, 7) : 0;
            return new Sniffed(animated || hasChunk(ch, "ANIM") ? InputKind.ANIMATED_WEBP : InputKind.WEBP, w, h);
        }
        if (first.equals("VP8 ")) {
            ByteBuffer v = read(ch, 26, 4);
            return v.remaining() >= 4
                    ? new Sniffed(InputKind.WEBP, u16le(v, 0) & 0x3fff, u16le(v, 2) & 0x3fff)
                    : new Sniffed(InputKind.WEBP, 0, 0);
        }
        return new Sniffed(InputKind.WEBP, 0, 0);
    }

    private static boolean hasChunk(Source ch, String wanted) throws IOException {
        long pos = 12;
        for (int i = 0; i < MAX_CHUNKS; i++) {
            ByteBuffer c = read(ch, pos, 8);
            if (c.remaining() < 8) {
                return false;
            }
            if (ascii(c, 0, 4).equals(wanted)) {
                return true;
            }
            long len = c.order(ByteOrder.LITTLE_ENDIAN).getInt(4) & 0xffffffffL;
            pos += 8 + len + (len & 1);
        }
        return false;
    }

    private static ByteBuffer read(Source ch, long pos, int len) throws IOException {
        return ch.read(pos, len);
    }

    private static boolean startsWith(ByteBuffer b, String s) {
        return b.remaining() >= s.length() && ascii(b, 0, s.length()).equals(s);
    }

    private static String ascii(ByteBuffer b, int off, int len) {
        if (b.remaining() < off + len) {
            return "";
        }
        byte[] bytes = new byte[len];
        for (int i = 0; i < len; i++) {
            bytes[i] = b.get(off + i);
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static int u31be(ByteBuffer b, int off) {
        return (int) Math.min(Integer.MAX_VALUE, b.getInt(off) & 0xffffffffL);
    }

    private static int u16le(ByteBuffer b, int off) {
        return (b.get(off) & 0xff) | (b.get(off + 1) & 0xff) << 8;
    }

    private static int u16be(ByteBuffer b, int off) {
        return (b.get(off) & 0xff) << 8 | (b.get(off + 1) & 0xff);
    }

    private static int u24le(ByteBuffer b, int off) {
        return (b.get(off) & 0xff) | (b.get(off + 1) & 0xff) << 8 | (b.get(off + 2) & 0xff) << 16;
    }

    private static String hex(ByteBuffer b, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(String.format("%02x", b.get(i) & 0xff));
        }
        return s.toString();
    }
}
