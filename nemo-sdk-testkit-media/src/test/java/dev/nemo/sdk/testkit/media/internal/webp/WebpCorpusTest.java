package dev.nemo.sdk.testkit.media.internal.webp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.testing.TestCorpus;
import dev.nemo.sdk.testkit.media.internal.gif.GifFrames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The corpus' animated WebP against the GIF it was made from (Pillow's iss634, 42 lossless frames):
 * the engine's WebP reader and its GIF reader show the same pictures, pixel for pixel. Needs the full corpus for
 * the GIF (skips, saying so, without it).
 */
class WebpCorpusTest {

    @Test
    void theWebpShowsTheSamePicturesAsTheGifItWasMadeFrom() throws IOException {
        Path gif = TestCorpus.file("cartoon/pillow-iss634.gif");
        Path webp = TestCorpus.file("video/pillow-iss634.webp");
        List<int[]> gifFrames = new ArrayList<>();
        List<Integer> gifDelays = new ArrayList<>();
        GifFrames.read(gif, 100, () -> {}, (argb, dirty, delayCs) -> {
            gifFrames.add(argb.clone());
            gifDelays.add(delayCs);
        });
        WebpFixtures.Played played = WebpFixtures.play(Files.readAllBytes(webp));

        assertThat(played.canvases()).hasSameSizeAs(gifFrames);
        long same = 0;
        long total = 0;
        for (int f = 0; f < gifFrames.size(); f++) {
            int[] g = gifFrames.get(f);
            int[] w = played.canvases().get(f);
            for (int i = 0; i < g.length; i++) {
                boolean bothClear = g[i] >>> 24 == 0 && w[i] >>> 24 == 0;
                same += bothClear || g[i] == w[i] ? 1 : 0;
                total++;
            }
            assertThat(played.durations().get(f)).as("frame %d", f).isEqualTo(gifDelays.get(f) * 10);
        }
        assertThat(same).as("pixels equal (transparent ones by their alpha)").isEqualTo(total);
    }
}
