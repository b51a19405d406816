package dev.nemo.sdk.testkit.media.internal.gif;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The optimiser end to end without FFmpeg: frames in, a GIF out, read back with ImageIO and
 * composed as browsers do, compared pixel by pixel and centisecond by centisecond.
 */
class GifOptimizerTest {

    private static final int W = 40;
    private static final int H = 30;
    private static final int RED = 0xffff0000;
    private static final int BLUE = 0xff0000ff;
    private static final int GREEN = 0xff00ff00;

    @TempDir
    Path dir;

    /** A frame and how long it shows. */
    private record Frame(int[] argb, int delayCs) {
    }

    private static int[] square(int x0, int y0, int size, int color) {
        int[] a = new int[W * H];
        for (int y = y0; y < y0 + size; y++) {
            for (int x = x0; x < x0 + size; x++) {
                a[y * W + x] = color;
            }
        }
        return a;
    }

    private static int[] solid(int color) {
        int[] a = new int[W * H];
        java.util.Arrays.fill(a, color);
        return a;
    }

    private List<Frame> write(Path file, List<Frame> frames, int lossy, int colors) {
        Histogram h = new Histogram();
        Rect full = new Rect(0, 0, W, H);
        frames.forEach(f -> h.add(f.argb(), W, full));
        Palette p = PaletteBuilder.build(h, colors);
        try (GifWriter w = GifWriter.open(file, W, H, p)) {
            GifOptimizer opt = new GifOptimizer(w, W, H, p, lossy);
            frames.forEach(f -> opt.frame(f.argb(), full, f.delayCs()));
            opt.finish();
        }
        return read(file);
    }

    private static List<Frame> read(Path file) {
        List<Frame> out = new ArrayList<>();
        try {
            GifFrames.read(file, 10_000, () -> { }, (argb, dirty, delay) -> out.add(new Frame(argb.clone(), delay)));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    /** Each frame repeated for its delay: what a viewer sees, centisecond by centisecond. */
    private static List<int[]> timeline(List<Frame> frames) {
        List<int[]> t = new ArrayList<>();
        frames.forEach(f -> {
            for (int i = 0; i < f.delayCs(); i++) {
                t.add(f.argb());
            }
        });
        return t;
    }

    @Test
    void transparencyDisposalAndTimingSurviveExactly() {
        List<Frame> in = List.of(
                new Frame(square(2, 2, 10, RED), 10),
                new Frame(square(20, 10, 10, RED), 7),      // moves: the old square must clear to transparent
                new Frame(square(20, 10, 10, RED), 5),      // unchanged: lengthens the image before
                new Frame(square(20, 10, 10, BLUE), 3),     // recoloured in place
                new Frame(solid(GREEN), 12),                // fully opaque
                new Frame(square(0, 0, 5, GREEN), 4));      // almost everything clears again
        List<Frame> out = write(dir.resolve("t.gif"), in, 0, 255);

        List<int[]> expected = timeline(in);
        List<int[]> actual = timeline(out);
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("centisecond %d", i).isEqualTo(expected.get(i));
        }
        assertThat(out).hasSize(in.size() - 1);
    }

    @Test
    void unchangedAreasAreNotRedrawn() throws IOException {
        int[] a = solid(GREEN);
        int[] b = a.clone();
        b[15 * W + 20] = RED;
        write(dir.resolve("d.gif"), List.of(new Frame(a, 10), new Frame(b, 10)), 0, 255);
        // the second image is one pixel: header + tables + first image, then a 1x1 image
        Path one = dir.resolve("one.gif");
        write(one, List.of(new Frame(a, 20)), 0, 255);
        assertThat(Files.size(dir.resolve("d.gif")) - Files.size(one)).isLessThan(30);
    }

    private static List<Frame> noisyGradient(long seed) {
        Random r = new Random(seed);
        List<Frame> frames = new ArrayList<>();
        for (int f = 0; f < 4; f++) {
            int[] a = new int[W * H];
            for (int i = 0; i < a.length; i++) {
                int v = Math.min(255, (i % W) * 6 + r.nextInt(8));
                a[i] = 0xff000000 | (v / 16 * 16) << 16 | (255 - v) / 16 * 16 << 8 | 0x40;
            }
            frames.add(new Frame(a, 5));
        }
        return frames;
    }

    @Test
    void lossinessShrinksTheFileAndStaysWithinItsBudget() throws IOException {
        List<Frame> in = noisyGradient(7);
        List<Frame> exact = write(dir.resolve("exact.gif"), in, 0, 255);
        List<Frame> lossy = write(dir.resolve("lossy.gif"), in, 120, 255);

        assertThat(Files.size(dir.resolve("lossy.gif"))).isLessThan(Files.size(dir.resolve("exact.gif")));
        List<int[]> src = timeline(in);
        List<int[]> got = timeline(lossy);
        double t = 120 / 6.0;
        int budget = (int) Math.round(Colors.WEIGHT_SUM * t * t);
        for (int i = 0; i < src.size(); i++) {
            long sum = 0;
            for (int p = 0; p < W * H; p++) {
                int d = Colors.distance(src.get(i)[p], got.get(i)[p]);
                // one pixel may stray up to twice the budget's levels when its neighbours along the run make up for it
                assertThat(d).isLessThanOrEqualTo(FramePixels.PIXEL_CAP * budget);
                sum += d;
            }
            assertThat((double) sum / (W * H)).as("mean error of centisecond %d", i).isLessThanOrEqualTo(budget);
            assertThat(timeline(exact).get(i)).isEqualTo(src.get(i));
        }
    }
}
