package dev.nemo.sdk.testkit.media;

import static dev.nemo.sdk.testkit.media.MediaTestSupport.corpusFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nemo.sdk.testkit.media.MediaRejectedException.Reason;
import dev.nemo.sdk.testkit.media.internal.gif.GifFrames;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Animated WebP in: the engine renders it to MP4 and GIF with its frames, their durations and its
 * transparency; a damaged one is a typed refusal. {@code webp/anim-lossless.webp} (48x32, five
 * frames of 80/120/200/40/60 ms, see {@code make-webp.py}) and the corpus' Pillow animation.
 */
class WebpInputTest {

    @RegisterExtension
    static final MediaEngineExtension ENGINE = new MediaEngineExtension();

    @TempDir
    Path dir;

    private MediaEngine engine;

    @BeforeEach
    void engine() {
        engine = ENGINE.engine();
    }

    private Path fixture(String name) throws IOException {
        try (InputStream in = WebpInputTest.class.getResourceAsStream("/webp/" + name)) {
            return Files.write(dir.resolve(name), in.readAllBytes());
        }
    }

    private static int[] reference(int frame) throws IOException {
        try (InputStream in = WebpInputTest.class.getResourceAsStream("/webp/frame-" + frame + ".png")) {
            BufferedImage img = ImageIO.read(in);
            return img.getRGB(0, 0, 48, 32, null, 0, 48);
        }
    }

    @Test
    void animatedWebpBecomesAGifWithItsFramesDelaysAndTransparency() throws IOException {
        Path out = dir.resolve("out.gif");
        RenderReport r = engine.render(RenderRequest.builder(fixture("anim-lossless.webp"), out)
                .format(OutputFormat.GIF)
                .build());

        assertThat(r.width()).isEqualTo(48);
        assertThat(r.height()).isEqualTo(32);
        assertThat(r.frames()).isEqualTo(5);
        assertThat(r.duration()).isEqualTo(Duration.ofMillis(500));
        assertThat(GifTiming.delays(out)).containsExactly(8, 12, 20, 4, 6);
        List<int[]> shown = new ArrayList<>();
        GifFrames.read(out, 100, () -> {}, (argb, dirty, delay) -> shown.add(argb.clone()));
        assertThat(shown).hasSize(5);
        for (int f = 0; f < 5; f++) {
            int[] want = reference(f);
            int[] got = shown.get(f);
            double error = 0;
            int opaque = 0;
            for (int i = 0; i < want.length; i++) {
                int alpha = want[i] >>> 24;
                if (alpha == 0 || alpha == 255) { // GIF has no partial transparency
                    assertThat(got[i] >>> 24)
                            .as("alpha of frame %d pixel %d", f, i)
                            .isEqualTo(alpha);
                }
                if (alpha == 255) {
                    opaque++;
                    error += Math.abs((got[i] >> 16 & 0xff) - (want[i] >> 16 & 0xff))
                            + Math.abs((got[i] >> 8 & 0xff) - (want[i] >> 8 & 0xff))
                            + Math.abs((got[i] & 0xff) - (want[i] & 0xff));
                }
            }
            assertThat(error / Math.max(1, 3 * opaque))
                    .as("mean colour error of frame %d", f)
                    .isLessThan(6);
        }
    }

    @Test
    void animatedWebpBecomesAnMp4OfTheSameLength() throws IOException {
        Path out = dir.resolve("out.mp4");
        RenderReport r = engine.render(
                RenderRequest.builder(fixture("anim-lossless.webp"), out).build());

        assertThat(r.frames()).isEqualTo(5);
        assertThat(r.duration()).isEqualTo(Duration.ofMillis(500));
        assertThat(r.ssim()).isPresent();
        MediaInfo mp4 = engine.probe(out);
        assertThat(mp4.frames()).isEqualTo(5);
        assertThat(mp4.width()).isEqualTo(48);
        Mp4Boxes boxes = Mp4Boxes.read(out);
        assertThat(boxes.movieSeconds()).isEqualTo(0.5);
        assertThat(boxes.sampleTableSeconds()).isEqualTo(0.5);
    }

    @Test
    void theCorpusAnimationIsProbedAndRenderedWithEveryFrame() {
        Path webp = corpusFile("video/pillow-iss634.webp"); // 42 lossless frames, one of 0 ms (shown 100 ms)
        MediaInfo info = engine.probe(webp);

        assertThat(info.width()).isEqualTo(245);
        assertThat(info.height()).isEqualTo(245);
        assertThat(info.frames()).isEqualTo(42);
        assertThat(info.duration()).isEqualTo(Duration.ofMillis(14 * 60 + 27 * 70 + 100));
        assertThat(info.transparent()).isTrue();
        RenderReport r = engine.render(RenderRequest.builder(webp, dir.resolve("out.mp4"))
                .measureSsim(false)
                .build());
        assertThat(r.frames()).isEqualTo(42);
        assertThat(r.duration()).isEqualTo(info.duration());
    }

    @Test
    void theCorpusAnimationMatchesTheSameAnimationAsAGif() {
        // corpus-only: the GIF Pillow made the WebP from; both are lossless, so they show the same
        Path gif = corpusFile("cartoon/pillow-iss634.gif");
        Path webp = corpusFile("video/pillow-iss634.webp");
        MediaInfo g = engine.probe(gif);
        MediaInfo w = engine.probe(webp);

        assertThat(w.frames()).isEqualTo(g.frames());
        assertThat(w.duration()).isEqualTo(g.duration());
    }

    @Test
    void aTruncatedAnimatedWebpIsATypedRefusalAndLeavesNothing() throws IOException {
        byte[] whole = Files.readAllBytes(fixture("anim-lossless.webp"));
        Path cut = Files.write(dir.resolve("cut.webp"), Arrays.copyOf(whole, whole.length - 30));
        Path outDir = Files.createDirectory(dir.resolve("out"));

        assertThatThrownBy(() -> engine.render(
                        RenderRequest.builder(cut, outDir.resolve("out.mp4")).build()))
                .isInstanceOfSatisfying(
                        MediaRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNDECODABLE))
                .hasMessageContaining("truncated");
        try (Stream<Path> left = Files.list(outDir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void anUnknownFileTypeIsRejected() throws IOException {
        Path pdf = Files.writeString(dir.resolve("doc.gif"), "%PDF-1.7 not a gif");

        assertThatThrownBy(() -> engine.render(
                        RenderRequest.builder(pdf, dir.resolve("out.mp4")).build()))
                .isInstanceOfSatisfying(
                        MediaRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_FORMAT));
    }
}
