package dev.nemo.sdk.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.testing.TestCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MediaProbeTest {

    private static MediaInfo probe(byte[] b) {
        MediaKind kind = MediaKind.sniff(b, Math.min(b.length, MediaKind.SNIFF_BYTES));
        assertThat(kind).as("sniffed").isNotNull();
        return MediaProbe.probe(kind, b);
    }

    @Test
    void sniffsEveryAcceptedFormatByItsMagic() {
        assertThat(MediaKind.sniff(ascii("GIF87a......"), 12)).isEqualTo(MediaKind.GIF);
        assertThat(MediaKind.sniff(ascii("RIFF\0\0\0\0WEBPVP8 "), 16)).isEqualTo(MediaKind.WEBP);
        assertThat(MediaKind.sniff(ascii("RIFF\0\0\0\0WAVEfmt "), 16)).isEqualTo(MediaKind.WAV);
        assertThat(MediaKind.sniff(ascii("RIFF\0\0\0\0AVI LIST"), 16)).isEqualTo(MediaKind.AVI);
        assertThat(MediaKind.sniff(ascii("\0\0\0\u0018ftypqt  "), 12)).isEqualTo(MediaKind.MOV);
        assertThat(MediaKind.sniff(ascii("\0\0\0\u0018ftypM4A "), 12)).isEqualTo(MediaKind.M4A);
        assertThat(MediaKind.sniff(ascii("\0\0\0\u0018ftypisom"), 12)).isEqualTo(MediaKind.MP4);
        assertThat(MediaKind.sniff(bytes(0x1a, 0x45, 0xdf, 0xa3, 'w', 'e', 'b', 'm'), 8))
                .isEqualTo(MediaKind.WEBM);
        assertThat(MediaKind.sniff(bytes(0x1a, 0x45, 0xdf, 0xa3, 'm', 'a', 't', 'r'), 8))
                .isEqualTo(MediaKind.MKV);
        assertThat(MediaKind.sniff(bytes(0xff, 0xd8, 0xff, 0xe0), 4)).isEqualTo(MediaKind.JPEG);
        assertThat(MediaKind.sniff(ascii("ID3\u0004"), 4)).isEqualTo(MediaKind.MP3);
        assertThat(MediaKind.sniff(bytes(0xff, 0xfb, 0x90), 3)).isEqualTo(MediaKind.MP3);
        assertThat(MediaKind.sniff(bytes(0xff, 0xf1, 0x50), 3)).isEqualTo(MediaKind.AAC);
        assertThat(MediaKind.sniff(ascii("%PDF-1.7"), 8)).isNull();
        assertThat(MediaKind.sniff(ascii("PK\u0003\u0004"), 4)).isNull();
        assertThat(MediaKind.sniff(ascii("RIFF\0\0\0\0XXXX"), 12)).isNull();
        assertThat(MediaKind.sniff(new byte[0], 0)).isNull();
    }

    @Test
    void gifLogicalScreenAndFrameDelaysWithBrowserMinimums() {
        MediaInfo info = probe(dev.nemo.sdk.testkit.TestMediaAccess.gif(400, 300, 4, 0, 1, 250));
        assertThat(info.width()).isEqualTo(400);
        assertThat(info.height()).isEqualTo(300);
        assertThat(info.frames()).isEqualTo(4);
        assertThat(info.duration()).as("0 and 1 cs count as 10 cs").isEqualTo(2.74);
        MediaInfo still = probe(dev.nemo.sdk.testkit.TestMediaAccess.gif(8, 8, 50));
        assertThat(still.duration()).isNull();
        assertThat(still.timelineMillis()).isEqualTo(5000);
    }

    @Test
    void pngAndApng() {
        MediaInfo png = probe(dev.nemo.sdk.testkit.TestMediaAccess.png(33, 44));
        assertThat(png.kind()).isEqualTo(MediaKind.PNG);
        assertThat(png.width()).isEqualTo(33);
        assertThat(png.duration()).isNull();
        MediaInfo apng = probe(dev.nemo.sdk.testkit.TestMediaAccess.apng(10, 20, 1, 0, 50, 1000, 3, 4));
        assertThat(apng.kind()).isEqualTo(MediaKind.APNG);
        assertThat(apng.frames()).isEqualTo(3);
        assertThat(apng.duration()).as("den 0 means 1/100 s").isEqualTo(0.01 + 0.05 + 0.75);
    }

    @Test
    void mp4MovieHeaderAndVideoTrack() {
        MediaInfo info = probe(dev.nemo.sdk.testkit.TestMediaAccess.mp4(1920, 1080, 600, 6000, 250));
        assertThat(info.width()).isEqualTo(1920);
        assertThat(info.height()).isEqualTo(1080);
        assertThat(info.duration()).isEqualTo(10.0);
        assertThat(info.fps()).isEqualTo(25.0);
    }

    @Test
    void truncatedFilesGiveWhatWasReadAndNeverThrow() {
        byte[] gif = dev.nemo.sdk.testkit.TestMediaAccess.gif(64, 32, 10, 10, 10);
        byte[] mp4 = dev.nemo.sdk.testkit.TestMediaAccess.mp4(64, 32, 100, 100, 1);
        byte[] apng = dev.nemo.sdk.testkit.TestMediaAccess.apng(64, 32, 1, 10);
        for (byte[] whole : new byte[][] {gif, mp4, apng}) {
            for (int n = 12; n < whole.length; n++) {
                byte[] cut = Arrays.copyOf(whole, n);
                MediaKind kind = MediaKind.sniff(cut, Math.min(n, MediaKind.SNIFF_BYTES));
                MediaInfo info = MediaProbe.probe(kind, cut);
                assertThat(info.kind())
                        .as("cut at %d", n)
                        .isIn(kind, kind == MediaKind.PNG ? MediaKind.APNG : kind); // acTL found past the sniffed head
                assertThat(info.width()).as("width read so far, cut at %d", n).isIn(null, 64);
                assertThat(info.height()).as("height read so far, cut at %d", n).isIn(null, 32);
            }
        }
        assertThat(probe(Arrays.copyOf(gif, 13)).width()).isEqualTo(64);
    }

    @ParameterizedTest
    @CsvSource({
        "video/pillow-iss634.webp, WEBP, 245, 245, 42, 2.83", // one frame of 0 ms, shown for 100 ms
        "video/vhs-neofetch.mp4, MP4, 1300, 650, 336, 13.44",
        "transparent/kingfisher-loader.gif, GIF, 128, 128, 8, 0.48"
    })
    void realFilesFromTheInRepositoryCorpus(String file, MediaKind kind, int w, int h, int frames, double duration)
            throws IOException {
        Path path = TestCorpus.subset().resolve(file);
        MediaInfo info = probe(Files.readAllBytes(path));
        assertThat(info).isEqualTo(new MediaInfo(kind, w, h, duration, frames));
    }

    /** Larger files of the optional full corpus: skipped, with the reason, when it is absent. */
    @ParameterizedTest
    @CsvSource({
        "cartoon/pillow-iss634.gif, GIF, 245, 245, 42, 2.83",
        "apng/pillow-iss634.apng, APNG, 245, 245, 41, 2.73",
        "video/mdn-rabbit320.mp4, MP4, 320, 240, 234, 7.8",
        "screen/vhs-neofetch.gif, GIF, 1300, 650, 336, 13.44"
    })
    void realFilesFromTheFullCorpus(String file, MediaKind kind, int w, int h, int frames, double duration)
            throws IOException {
        MediaInfo info = probe(Files.readAllBytes(TestCorpus.optionalFile(file)));
        assertThat(info).isEqualTo(new MediaInfo(kind, w, h, duration, frames));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }
}
