package dev.nemo.sdk.testkit.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nemo.sdk.testkit.media.MediaRejectedException;
import dev.nemo.sdk.testkit.media.MediaRejectedException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputSnifferTest {

    @TempDir
    Path dir;

    private Path file(byte[] bytes) throws IOException {
        return Files.write(dir.resolve("f" + System.nanoTime()), bytes);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] pngChunk(String type, int length) {
        return concat(ByteBuffer.allocate(4).putInt(length).array(), ascii(type), new byte[length + 4]);
    }

    private static byte[] png(int w, int h, boolean animated) {
        byte[] ihdr = concat(
                ByteBuffer.allocate(4).putInt(13).array(),
                ascii("IHDR"),
                ByteBuffer.allocate(8).putInt(w).putInt(h).array(),
                new byte[5 + 4]);
        return concat(
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10},
                ihdr,
                animated ? pngChunk("acTL", 8) : new byte[0],
                pngChunk("IDAT", 10),
                pngChunk("IEND", 0));
    }

    @Test
    void gifWithItsCanvas() throws IOException {
        byte[] gif = concat(ascii("GIF89a"), new byte[] {(byte) 0x47, 0x1a, (byte) 0x47, (byte) 0xff, 0, 0, 0});
        InputSniffer.Sniffed s = InputSniffer.sniff(file(gif));
        assertThat(s.kind()).isEqualTo(InputKind.GIF);
        assertThat(s.declaredWidth()).isEqualTo(6727);
        assertThat(s.declaredHeight()).isEqualTo(65351);
    }

    @Test
    void pngAndApngAreToldApartByTheAnimationControlChunk() throws IOException {
        assertThat(InputSniffer.sniff(file(png(64, 32, false))))
                .isEqualTo(new InputSniffer.Sniffed(InputKind.PNG, 64, 32));
        assertThat(InputSniffer.sniff(file(png(128, 64, true))))
                .isEqualTo(new InputSniffer.Sniffed(InputKind.APNG, 128, 64));
    }

    @Test
    void pngDeclaringAHugeCanvasIsReportedAsSuch() throws IOException {
        InputSniffer.Sniffed s = InputSniffer.sniff(file(png(0x7fff_ffff, 3, false)));
        assertThat(s.declaredWidth()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void jpegSizeFromItsStartOfFrame() throws IOException {
        byte[] app0 = {(byte) 0xFF, (byte) 0xE0, 0, 4, 0, 0};
        byte[] sof0 = {(byte) 0xFF, (byte) 0xC0, 0, 11, 8, 0x01, (byte) 0xE0, 0x02, (byte) 0x80, 3, 0, 0, 0, 0};
        byte[] jpeg = concat(new byte[] {(byte) 0xFF, (byte) 0xD8}, app0, sof0);
        assertThat(InputSniffer.sniff(file(jpeg))).isEqualTo(new InputSniffer.Sniffed(InputKind.JPEG, 640, 480));
    }

    private static byte[] webpVp8x(boolean animatedFlag, boolean animChunk) {
        ByteBuffer vp8x = ByteBuffer.allocate(18).order(ByteOrder.LITTLE_ENDIAN);
        vp8x.put(ascii("VP8X"))
                .putInt(10)
                .put((byte) (animatedFlag ? 0x12 : 0x10))
                .put(new byte[3]);
        vp8x.put((byte) 244)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 244)
                .put((byte) 0)
                .put((byte) 0);
        byte[] anim = animChunk
                ? ByteBuffer.allocate(14)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .put(ascii("ANIM"))
                        .putInt(6)
                        .put(new byte[6])
                        .array()
                : new byte[0];
        byte[] body = concat(ascii("WEBP"), vp8x.array(), anim);
        return concat(
                ascii("RIFF"),
                ByteBuffer.allocate(4)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .putInt(body.length)
                        .array(),
                body);
    }

    @Test
    void animatedWebpIsToldFromStillWebpWithItsCanvas() throws IOException {
        for (byte[] webp : new byte[][] {webpVp8x(true, false), webpVp8x(false, true)}) {
            assertThat(InputSniffer.sniff(file(webp)))
                    .isEqualTo(new InputSniffer.Sniffed(InputKind.ANIMATED_WEBP, 245, 245));
        }
        assertThat(InputSniffer.sniff(file(webpVp8x(false, false))).kind()).isEqualTo(InputKind.WEBP);
    }

    @Test
    void stillWebpIsAccepted() throws IOException {
        assertThat(InputSniffer.sniff(file(webpVp8x(false, false))))
                .isEqualTo(new InputSniffer.Sniffed(InputKind.WEBP, 245, 245));
    }

    @Test
    void videoContainers() throws IOException {
        assertThat(InputSniffer.sniff(file(concat(new byte[] {0, 0, 0, 32}, ascii("ftypisom"), new byte[20])))
                        .kind())
                .isEqualTo(InputKind.MP4);
        assertThat(InputSniffer.sniff(file(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 0, 0, 0, 0}))
                        .kind())
                .isEqualTo(InputKind.MATROSKA);
    }

    @Test
    void unknownAndEmptyFilesAreRejected() throws IOException {
        Path pdf = file(ascii("%PDF-1.7\n"));
        assertThatThrownBy(() -> InputSniffer.sniff(pdf))
                .isInstanceOfSatisfying(
                        MediaRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_FORMAT))
                .hasMessageContaining("2550444");
        Path empty = file(new byte[0]);
        assertThatThrownBy(() -> InputSniffer.sniff(empty))
                .isInstanceOfSatisfying(
                        MediaRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNDECODABLE));
    }

    /** The sniff's outcome as a comparable value: the result, or the rejection's reason. */
    private static Object outcome(ThrowingSniff sniff) throws IOException {
        try {
            return sniff.get();
        } catch (MediaRejectedException e) {
            return e.reason();
        }
    }

    @FunctionalInterface
    private interface ThrowingSniff {
        InputSniffer.Sniffed get() throws IOException;
    }

    @Test
    void contentInMemoryIsSniffedLikeTheSameFileEvenWhenTruncated() throws IOException {
        byte[] jpeg = concat(
                new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 4, 0, 0},
                new byte[] {(byte) 0xFF, (byte) 0xC0, 0, 11, 8, 0x01, (byte) 0xE0, 0x02, (byte) 0x80, 3, 0, 0, 0, 0});
        byte[][] samples = {
            png(64, 32, false),
            png(128, 64, true),
            jpeg,
            webpVp8x(true, false),
            webpVp8x(false, true),
            webpVp8x(false, false),
            concat(ascii("GIF89a"), new byte[] {10, 0, 20, 0}),
            ascii("%PDF-1.7\n")
        };
        int compared = 0;
        for (byte[] sample : samples) {
            for (int len = 0; len <= sample.length; len++) {
                byte[] prefix = java.util.Arrays.copyOf(sample, len);
                Path f = file(prefix);
                assertThat(outcome(() -> InputSniffer.sniff(prefix)))
                        .as("%d bytes of %s", len, outcome(() -> InputSniffer.sniff(sample)))
                        .isEqualTo(outcome(() -> InputSniffer.sniff(f)));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(100);
        assertThat(outcome(() -> InputSniffer.sniff(webpVp8x(true, false))))
                .isEqualTo(new InputSniffer.Sniffed(InputKind.ANIMATED_WEBP, 245, 245));
    }
}
