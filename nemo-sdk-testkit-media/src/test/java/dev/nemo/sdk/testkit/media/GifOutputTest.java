package dev.nemo.sdk.testkit.media;

import static dev.nemo.sdk.testkit.media.MediaTestSupport.assumeNatives;
import static dev.nemo.sdk.testkit.media.MediaTestSupport.corpusFile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.testkit.media.internal.gif.GifFrames;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GIF in, GIF out, checked the way a viewer sees it: both files composed with ImageIO (disposal
 * and transparency as browsers apply them) and compared centisecond by centisecond.
 */
class GifOutputTest {

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

    /** Every centisecond's canvas. */
    private static List<int[]> timeline(Path gif) throws IOException {
        List<int[]> t = new ArrayList<>();
        GifFrames.read(gif, 10_000, () -> {}, (argb, dirty, delay) -> {
            for (int i = 0; i < delay; i++) {
                t.add(argb.clone());
            }
        });
        return t;
    }

    private static double colorError(int a, int b) {
        int dr = (a >> 16 & 0xff) - (b >> 16 & 0xff);
        int dg = (a >> 8 & 0xff) - (b >> 8 & 0xff);
        int db = (a & 0xff) - (b & 0xff);
        return Math.sqrt((dr * dr + dg * dg + db * db) / 3.0);
    }

    private static void assertSamePictures(Path source, Path output, double maxMeanError) throws IOException {
        List<int[]> src = timeline(source);
        List<int[]> out = timeline(output);
        assertThat(out).as("timing: one canvas per centisecond").hasSameSizeAs(src);
        for (int i = 0; i < src.size(); i++) {
            int[] s = src.get(i);
            int[] o = out.get(i);
            double err = 0;
            int opaque = 0;
            for (int p = 0; p < s.length; p++) {
                assertThat(o[p] >>> 24)
                        .as("alpha at centisecond %d, pixel %d", i, p)
                        .isEqualTo(s[p] >>> 24);
                if (s[p] >>> 24 != 0) {
                    err += colorError(s[p], o[p]);
                    opaque++;
                }
            }
            assertThat(err / Math.max(1, opaque))
                    .as("mean colour error at centisecond %d", i)
                    .isLessThan(maxMeanError);
        }
    }

    @Test
    void transparentStickerKeepsItsTransparencyDisposalAndTiming() throws IOException {
        Path banana = corpusFile("transparent/kingfisher-dancing-banana.gif"); // disposal 1 and 2, transparency
        Path out = dir.resolve("banana.gif");
        RenderReport r = engine.render(
                RenderRequest.builder(banana, out).format(OutputFormat.GIF).build());
        assertThat(r.width()).isEqualTo(365);
        assertThat(r.height()).isEqualTo(360);
        assertSamePictures(banana, out, 6);
    }

    @Test
    void spinnerClearedEveryFrameKeepsItsTransparency() throws IOException {
        Path spinner = corpusFile("transparent/kingfisher-loader.gif"); // disposal 2 on every frame
        Path out = dir.resolve("spinner.gif");
        engine.render(RenderRequest.builder(spinner, out)
                .format(OutputFormat.GIF)
                .measureSsim(false)
                .build());
        assertSamePictures(spinner, out, 6);
    }

    @Test
    void subRectangleScreenRecordingKeepsItsPictures() throws IOException {
        Path cartoon = corpusFile("cartoon/pillow-iss634.gif"); // local tables, sub-rectangles, 0 cs delays
        Path out = dir.resolve("iss634.gif");
        RenderReport r = engine.render(
                RenderRequest.builder(cartoon, out).format(OutputFormat.GIF).build());
        assertThat(r.outputBytes()).isLessThan(r.inputBytes());
        assertSamePictures(cartoon, out, 10);
    }

    @Test
    void scaledThroughFfmpegTheTransparencyStays() throws IOException {
        Path banana = corpusFile("transparent/kingfisher-dancing-banana.gif");
        Path out = dir.resolve("small.gif");
        RenderReport r = engine.render(RenderRequest.builder(banana, out)
                .format(OutputFormat.GIF)
                .maxSize(180, 180)
                .measureSsim(false)
                .build());
        assertThat(r.width()).isLessThanOrEqualTo(180);
        List<int[]> frames = timeline(out);
        assertThat(frames).hasSize(80);
        assertThat(frames.get(0)[0] >>> 24).as("top-left corner transparent").isZero();
    }

    @Test
    void gifSizeTargetIsMetOnSmallCorpusFiles() {
        for (String file : List.of("cartoon/pillow-iss634.gif", "transparent/kingfisher-dancing-banana.gif")) {
            Path in = corpusFile(file);
            long target = in.toFile().length() / 4;
            RenderReport r = engine.render(RenderRequest.builder(in, dir.resolve("t.gif"))
                    .format(OutputFormat.GIF)
                    .targetSizeBytes(target)
                    .measureSsim(false)
                    .build());
            assertThat(r.targetMet()).as(file + ": " + r.attempts()).isTrue();
            assertThat(r.outputBytes()).isLessThanOrEqualTo(target);
        }
    }

    @Test
    void aGifTargetIsSteeredBySsimAgainstTheSource() {
        Path in = corpusFile("cartoon/pillow-iss634.gif");
        long target = in.toFile().length() / 4;
        RenderReport r = engine.render(RenderRequest.builder(in, dir.resolve("q.gif"))
                .format(OutputFormat.GIF)
                .targetSizeBytes(target)
                .measureSsim(false)
                .build());
        assertThat(r.ssim())
                .as("measured by the search even though the request did not ask: " + r.attempts())
                .isPresent();
        assertThat(r.targetMet()).isTrue();
        assertThat(r.ssim().getAsDouble())
                .as("a met target holds a watchable quality")
                .isGreaterThanOrEqualTo(0.80);
    }

    @Test
    void anUnreachableTargetIsReportedAsMissed() {
        Path in = corpusFile("transparent/kingfisher-loader.gif");
        RenderReport r = engine.render(RenderRequest.builder(in, dir.resolve("t.gif"))
                .format(OutputFormat.GIF)
                .targetSizeBytes(300)
                .measureSsim(false)
                .build());
        assertThat(r.targetMet()).isFalse();
        assertThat(r.outputBytes()).isGreaterThan(300);
        assertThat(r.summary()).contains("OVER the target");
    }
}
