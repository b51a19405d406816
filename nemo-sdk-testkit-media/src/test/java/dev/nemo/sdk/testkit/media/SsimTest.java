package dev.nemo.sdk.testkit.media;

import static dev.nemo.sdk.testkit.media.MediaTestSupport.assumeNatives;
import static dev.nemo.sdk.testkit.media.MediaTestSupport.corpusFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SSIM comes from FFmpeg's filter and tracks quality: near 1 for a near-lossless encode, lower for a crushed one. */
class SsimTest {

    @TempDir
    Path dir;

    @Test
    void higherCrfMeansLowerSsim() {
        assumeNatives();
        Path concert = corpusFile("photo/glide-concert.gif");
        try (MediaEngine engine = MediaTestSupport.testEngine()) {
            RenderReport fine = engine.render(RenderRequest.builder(concert, dir.resolve("fine.mp4"))
                    .crf(8)
                    .build());
            RenderReport crushed = engine.render(RenderRequest.builder(concert, dir.resolve("crushed.mp4"))
                    .crf(45)
                    .build());
            assertThat(fine.ssim()).isPresent();
            assertThat(fine.ssim().getAsDouble()).isBetween(0.97, 1.0);
            assertThat(crushed.ssim()).isPresent();
            assertThat(crushed.ssim().getAsDouble()).isBetween(0.2, fine.ssim().getAsDouble() - 0.05);
            assertThat(crushed.outputBytes()).isLessThan(fine.outputBytes());
        }
    }

    @Test
    void notMeasuredWhenNotAsked() {
        assumeNatives();
        try (MediaEngine engine = MediaTestSupport.testEngine()) {
            RenderReport r = engine.render(
                    RenderRequest.builder(corpusFile("transparent/kingfisher-loader.gif"), dir.resolve("x.mp4"))
                            .measureSsim(false)
                            .build());
            assertThat(r.ssim()).isEmpty();
        }
    }
}
