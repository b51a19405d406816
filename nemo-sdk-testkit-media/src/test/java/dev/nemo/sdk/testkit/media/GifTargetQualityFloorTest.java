package dev.nemo.sdk.testkit.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GIF size target reached only below a watchable quality (SSIM 0.80) is not met, and the report
 * says so without calling a file under the target "over" it.
 */
class GifTargetQualityFloorTest {

    @RegisterExtension
    static final MediaEngineExtension ENGINE = new MediaEngineExtension();

    @TempDir
    Path dir;

    @Test
    void aTargetReachedOnlyBelowSsim080IsNotMetAndSaysWhy() throws IOException {
        // random colours: nothing to predict, so only the lower resolution rung gets small enough,
        // and a downscaled noise picture is far from its source (SSIM about 0.64)
        Path noise = TestMedia.noiseGif(dir.resolve("noise.gif"), 320, 320, 3, 10, 42);
        long target = 70_000; // full size at 128 colours is over 200 KB, 240x240 at 32 colours under 60 KB
        RenderReport r = ENGINE.engine()
                .render(RenderRequest.builder(noise, dir.resolve("out.gif"))
                        .format(OutputFormat.GIF)
                        .targetSizeBytes(target)
                        .build());

        assertThat(r.outputBytes()).as("the size is reached: %s", r.attempts()).isLessThanOrEqualTo(target);
        assertThat(r.width()).as("by the resolution ladder").isLessThan(320);
        assertThat(r.ssim()).isPresent();
        assertThat(r.ssim().getAsDouble()).isLessThan(0.80);
        assertThat(r.targetMet()).isFalse();
        assertThat(r.notes())
                .anySatisfy(n -> assertThat(n)
                        .contains(String.format(
                                java.util.Locale.ROOT, "SSIM %.3f", r.ssim().getAsDouble()))
                        .contains("does not count as met"));
        assertThat(r.summary())
                .contains("target of 70 KB NOT met: reached only below a watchable quality")
                .doesNotContain("OVER");
    }
}
