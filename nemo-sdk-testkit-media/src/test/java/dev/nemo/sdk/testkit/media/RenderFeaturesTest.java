package dev.nemo.sdk.testkit.media;

import static dev.nemo.sdk.testkit.media.MediaTestSupport.assumeNatives;
import static dev.nemo.sdk.testkit.media.MediaTestSupport.corpusFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nemo.sdk.testkit.media.internal.DecodedFrames;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a render does to the pictures and the timing: background, GIF output, title, trim, frame rate, stills, video. */
class RenderFeaturesTest {

    private static MediaEngine engine;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        if (MediaEngine.availability().available()) {
            engine = MediaTestSupport.testEngine();
        }
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @BeforeEach
    void natives() {
        assumeNatives();
    }

    private static int[] rgb(BufferedImage img, int x, int y) {
        int p = img.getRGB(x, y);
        return new int[] {p >> 16 & 0xff, p >> 8 & 0xff, p & 0xff};
    }

    private static void assertWhite(int[] c) {
        assertThat(c[0]).isGreaterThan(235);
        assertThat(c[1]).isGreaterThan(235);
        assertThat(c[2]).isGreaterThan(235);
    }

    /** The mean absolute difference of two frames' luma over rows y0..y1. */
    private static double lumaDiff(BufferedImage a, BufferedImage b, int y0, int y1) {
        double sum = 0;
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                sum += Math.abs(luma(rgb(a, x, y)) - luma(rgb(b, x, y)));
                n++;
            }
        }
        return sum / n;
    }

    private static double luma(int[] c) {
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    @Test
    void transparencyIsCompositedOnWhiteByDefaultNotLeftBlack() {
        Path spinner = corpusFile("transparent/kingfisher-loader.gif");
        Path out = dir.resolve("spinner.mp4");
        engine.render(RenderRequest.builder(spinner, out).measureSsim(false).build());
        BufferedImage first = DecodedFrames.decode(out, 1).get(0).image();
        assertWhite(rgb(first, 2, 2));
    }

    @Test
    void theBackgroundColourIsConfigurable() {
        Path spinner = corpusFile("transparent/kingfisher-loader.gif");
        Path out = dir.resolve("spinner-red.mp4");
        engine.render(RenderRequest.builder(spinner, out)
                .background(RgbColor.parse("red"))
                .measureSsim(false)
                .build());
        int[] corner = rgb(DecodedFrames.decode(out, 1).get(0).image(), 2, 2);
        assertThat(corner[0]).isGreaterThan(200);
        assertThat(corner[1]).isLessThan(60);
        assertThat(corner[2]).isLessThan(60);
    }

    @Test
    void gifOutputKeepsTheDelaysAndReadsInJavaImageIo() throws IOException {
        Path banana = corpusFile("transparent/kingfisher-dancing-banana.gif");
        Path out = dir.resolve("banana.gif");
        RenderReport r = engine.render(
                RenderRequest.builder(banana, out).format(OutputFormat.GIF).build());

        assertThat(r.format()).isEqualTo(OutputFormat.GIF);
        assertThat(r.attempts()).singleElement().satisfies(a -> {
            assertThat(a.mode()).isEqualTo(RenderAttempt.Mode.GIF_PALETTE);
            assertThat(a.paletteColors()).hasValue(255);
            assertThat(a.lossiness()).isPresent();
        });
        assertThat(GifTiming.delays(out)).isEqualTo(GifTiming.delays(banana));
        BufferedImage first = ImageIO.read(out.toFile());
        assertThat(first).isNotNull();
        assertThat(r.ssim()).isPresent();
        assertThat(r.ssim().getAsDouble()).isGreaterThan(0.95);
        assertThat(first.getRGB(2, 2) >>> 24)
                .as("the banana's transparent corner stays transparent")
                .isZero();
    }

    @Test
    void gifOutputOfFastFramesNeverGoesBelowTwoCentiseconds() throws IOException {
        // geneva drive: 30 ms frames; a GIF delay under 2 cs would be shown as 10 cs by browsers
        Path apng = corpusFile("apng/sdwebimage-geneva-drive.apng");
        Path out = dir.resolve("geneva.gif");
        RenderReport r = engine.render(RenderRequest.builder(apng, out)
                .format(OutputFormat.GIF)
                .measureSsim(false)
                .build());
        List<Integer> delays = GifTiming.delays(out);
        assertThat(delays).allSatisfy(d -> assertThat(d).isBetween(2, 4));
        assertThat(delays.stream().mapToInt(Integer::intValue).sum() * 10.0)
                .isCloseTo(ApngTiming.durationMillis(apng), Offset.offset(30.0));
        assertThat(r.frames()).isEqualTo(delays.size());
    }

    @Test
    void titleIsDrawnAtTheTopForItsTimeRange() {
        Path concert = corpusFile("photo/glide-concert.gif"); // 11 frames of 100 ms
        Path plain = dir.resolve("plain.mp4");
        Path titled = dir.resolve("titled.mp4");
        engine.render(RenderRequest.builder(concert, plain).measureSsim(false).build());
        RenderReport r = engine.render(RenderRequest.builder(concert, titled)
                .title("Concert night", Duration.ZERO, Duration.ofMillis(500))
                .measureSsim(false)
                .build());
        assumeTrue(r.notes().stream().noneMatch(n -> n.startsWith("title skipped")), () -> "no font: " + r.notes());

        List<DecodedFrames.Decoded> a = DecodedFrames.decode(plain, 11);
        List<DecodedFrames.Decoded> b = DecodedFrames.decode(titled, 11);
        int band = r.height() / 10;
        int h = r.height();
        // the banner changes the top while the title shows, and only then; the rest of the picture is untouched
        assertThat(lumaDiff(a.get(1).image(), b.get(1).image(), 0, band)).isGreaterThan(15);
        assertThat(lumaDiff(a.get(1).image(), b.get(1).image(), h - band, h)).isLessThan(3);
        assertThat(lumaDiff(a.get(8).image(), b.get(8).image(), 0, band)).isLessThan(3);
    }

    @Test
    void trimKeepsTheWindowWithItsTiming() throws IOException {
        Path horse = corpusFile("photo/muybridge-horse.gif");
        Path out = dir.resolve("horse-trim.mp4");
        RenderReport r = engine.render(RenderRequest.builder(horse, out)
                .trim(Duration.ofSeconds(10), Duration.ofSeconds(2))
                .measureSsim(false)
                .build());
        assertThat(r.duration()).isEqualTo(Duration.ofSeconds(2));
        assertThat(engine.probe(out).duration().toMillis()).isCloseTo(2000, Offset.offset(1L));
        assertThat(r.frames()).isLessThan(GifTiming.delays(horse).size() / 5);
    }

    @Test
    void frameRateCapDropsFramesButKeepsTheDuration() throws IOException {
        Path earth = corpusFile("photo/sdwebimage-earth.gif"); // 44 frames of 90 ms: 11 fps
        Path out = dir.resolve("earth-5fps.mp4");
        RenderReport r = engine.render(
                RenderRequest.builder(earth, out).maxFps(5).measureSsim(false).build());
        long expectedMs = GifTiming.durationMillis(earth);
        assertThat(r.duration().toMillis()).isEqualTo(expectedMs);
        // every third frame is kept (270 ms apart, the first at or after 200 ms), shown until the next
        assertThat(r.frames()).isEqualTo(15);
        List<DecodedFrames.Decoded> frames = DecodedFrames.decode(out, 0);
        assertThat(frames).hasSize(15);
        for (int i = 1; i < frames.size(); i++) {
            assertThat(frames.get(i).startMicros() - frames.get(i - 1).startMicros())
                    .isGreaterThanOrEqualTo(200_000);
        }
    }

    @Test
    void portraitBoxNeverUpscales() {
        Path concert = corpusFile("photo/glide-concert.gif"); // 500x281
        RenderReport r = engine.render(RenderRequest.builder(concert, dir.resolve("p.mp4"))
                .maxSize(1080, 1920)
                .measureSsim(false)
                .build());
        assertThat(r.width()).isEqualTo(500);
        assertThat(r.height()).isEqualTo(280);
    }

    @Test
    void stillsBecomeAClipOfTheStillDuration() throws IOException {
        BufferedImage img = new BufferedImage(321, 201, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0, 0, 255, 255));
        g.fillRect(100, 50, 100, 100);
        g.dispose();
        Path png = dir.resolve("still.png");
        ImageIO.write(img, "png", png.toFile());
        RenderReport r = engine.render(RenderRequest.builder(png, dir.resolve("still.mp4"))
                .stillDuration(Duration.ofSeconds(2))
                .build());
        assertThat(r.frames()).isEqualTo(1);
        assertThat(r.duration()).isEqualTo(Duration.ofSeconds(2));
        assertThat(r.width()).isEqualTo(320);
        BufferedImage out =
                DecodedFrames.decode(dir.resolve("still.mp4"), 1).get(0).image();
        assertWhite(rgb(out, 5, 5)); // transparent -> white
        assertThat(rgb(out, 150, 100)[2]).isGreaterThan(200);

        BufferedImage rgbImg = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Path jpg = dir.resolve("still.jpg");
        ImageIO.write(rgbImg, "jpg", jpg.toFile());
        RenderReport j =
                engine.render(RenderRequest.builder(jpg, dir.resolve("jpg.mp4")).build());
        assertThat(j.frames()).isEqualTo(1);
        assertThat(j.duration()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void webmWithAudioBecomesVideoOnlyMp4WithANote() {
        Path webm = corpusFile("video/mdn-rabbit320.webm");
        Path out = dir.resolve("rabbit.mp4");
        RenderReport r = engine.render(
                RenderRequest.builder(webm, out).measureSsim(false).build());
        assertThat(r.notes()).anyMatch(n -> n.contains("audio"));
        assertThat(r.frames()).isEqualTo(234);
        assertThat(r.duration().toMillis()).isCloseTo(7800, Offset.offset(34L));
        MediaInfo info = engine.probe(out);
        assertThat(info.hasAudio()).isFalse();
        assertThat(info.frames()).isEqualTo(234);
    }
}
