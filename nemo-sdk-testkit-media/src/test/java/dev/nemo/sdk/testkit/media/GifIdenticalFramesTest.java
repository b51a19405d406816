package dev.nemo.sdk.testkit.media;

import static dev.nemo.sdk.testkit.media.MediaTestSupport.corpusFile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.testkit.media.internal.DecodedFrames;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GIF whose consecutive frames repeat comes out with fewer images, each repeat merged into the
 * image before with the delays summed: checked against FFmpeg's decoding of both files (an oracle
 * independent of the engine's GIF reader), centisecond by centisecond.
 */
class GifIdenticalFramesTest {

    @RegisterExtension
    static final MediaEngineExtension ENGINE = new MediaEngineExtension();

    @TempDir
    Path dir;

    @Test
    void moonImpactMergesItsRepeatedFramesAndShowsTheSamePictureAtEveryInstant() throws IOException {
        // 14 full images of 15 cs; images 1-2 repeat image 0 and 12-13 repeat image 11
        Path source = corpusFile("edge/imagegif-moon_impact.gif");
        Path out = dir.resolve("moon.gif");
        RenderReport r = ENGINE.engine()
                .render(RenderRequest.builder(source, out)
                        .format(OutputFormat.GIF)
                        .measureSsim(false)
                        .build());
        List<DecodedFrames.Decoded> src = DecodedFrames.decode(source, 1000);
        List<DecodedFrames.Decoded> dst = DecodedFrames.decode(out, 1000);

        List<Integer> runs = runsOfIdenticalFrames(src);
        assertThat(runs)
                .as("the source's runs of identical frames, in centiseconds")
                .containsExactly(45, 15, 15, 15, 15, 15, 15, 15, 15, 45);
        assertThat(GifTiming.delays(out))
                .as("one image a run, its delays summed")
                .isEqualTo(runs);
        assertThat(r.frames()).isEqualTo(runs.size());
        assertThat(GifTiming.durationMillis(out))
                .isEqualTo(GifTiming.durationMillis(source))
                .isEqualTo(2100);

        List<BufferedImage> distinct = distinctPictures(src);
        for (int cs = 0; cs < 210; cs++) {
            BufferedImage want = shownAt(src, cs);
            BufferedImage got = shownAt(dst, cs);
            assertThat(meanError(want, got))
                    .as("mean colour error at %d cs", cs)
                    .isLessThan(6);
            for (BufferedImage other : distinct) {
                if (other != want && meanError(other, want) > 0) {
                    assertThat(meanError(other, got))
                            .as("at %d cs the source's picture, not another one", cs)
                            .isGreaterThan(meanError(want, got));
                }
            }
        }
    }

    private static List<Integer> runsOfIdenticalFrames(List<DecodedFrames.Decoded> frames) {
        List<Integer> runs = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            int cs = (int) (frames.get(i).durationMicros() / 10_000);
            if (i > 0 && meanError(frames.get(i).image(), frames.get(i - 1).image()) == 0) {
                runs.set(runs.size() - 1, runs.get(runs.size() - 1) + cs);
            } else {
                runs.add(cs);
            }
        }
        return runs;
    }

    private static List<BufferedImage> distinctPictures(List<DecodedFrames.Decoded> frames) {
        List<BufferedImage> out = new ArrayList<>();
        for (DecodedFrames.Decoded f : frames) {
            if (out.stream().noneMatch(o -> meanError(o, f.image()) == 0)) {
                out.add(f.image());
            }
        }
        return out;
    }

    private static BufferedImage shownAt(List<DecodedFrames.Decoded> frames, int cs) {
        long micros = cs * 10_000L + 5_000;
        return frames.stream()
                .filter(f -> f.startMicros() <= micros && micros < f.startMicros() + f.durationMicros())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no frame shown at " + cs + " cs"))
                .image();
    }

    private static double meanError(BufferedImage a, BufferedImage b) {
        assertThat(b.getWidth()).isEqualTo(a.getWidth());
        assertThat(b.getHeight()).isEqualTo(a.getHeight());
        double sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                sum += Math.abs((p >> 16 & 0xff) - (q >> 16 & 0xff))
                        + Math.abs((p >> 8 & 0xff) - (q >> 8 & 0xff))
                        + Math.abs((p & 0xff) - (q & 0xff));
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }
}
