package dev.nemo.sdk.testkit.media;

import static dev.nemo.sdk.testkit.media.MediaTestSupport.assumeNatives;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.testkit.media.MediaLimitExceededException.Limit;
import dev.nemo.sdk.testkit.media.MediaRejectedException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each guard of {@link MediaLimits} stops a render with its own typed error and leaves nothing behind. */
class LimitsTest {

    @TempDir
    Path dir;

    private Path banana; // 365x360, 8 frames of 100 ms

    @BeforeEach
    void source() {
        assumeNatives();
        banana = MediaTestSupport.corpusFile("transparent/kingfisher-dancing-banana.gif");
    }

    @AfterEach
    void nothingLeftBehind() throws IOException {
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left)
                    .allSatisfy(p -> assertThat(p.getFileName().toString()).endsWith(".gif"));
        }
    }

    private Throwable renderWith(MediaLimits limits, Path source) {
        try (MediaEngine engine =
                MediaEngine.builder().x264Preset("veryfast").limits(limits).build()) {
            Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> engine.render(
                    RenderRequest.builder(source, dir.resolve("out.mp4")).build()));
            assertThat(dir.resolve("out.mp4")).doesNotExist();
            return t;
        }
    }

    private static void assertLimit(Throwable t, Limit limit) {
        assertThat(t)
                .isInstanceOfSatisfying(
                        MediaLimitExceededException.class,
                        e -> assertThat(e.limit()).isEqualTo(limit));
    }

    @Test
    void inputSize() {
        assertLimit(renderWith(MediaLimits.DEFAULT.withMaxInputBytes(1000), banana), Limit.INPUT_BYTES);
    }

    @Test
    void frameSizeIsCheckedOnTheDeclaredCanvas() {
        Throwable t = renderWith(MediaLimits.DEFAULT.withMaxFrameSize(200, 1_000_000), banana);
        assertLimit(t, Limit.FRAME_SIZE);
        assertThat(t).hasMessageContaining("365x360");
        assertLimit(renderWith(MediaLimits.DEFAULT.withMaxFrameSize(8192, 365 * 360 - 1), banana), Limit.FRAME_SIZE);
    }

    @Test
    void frameCount() {
        assertLimit(renderWith(MediaLimits.DEFAULT.withMaxFrames(3), banana), Limit.FRAME_COUNT);
    }

    @Test
    void totalDecodedPixels() {
        assertLimit(renderWith(MediaLimits.DEFAULT.withMaxTotalPixels(365L * 360 * 5), banana), Limit.TOTAL_PIXELS);
    }

    @Test
    void sourceDuration() {
        assertLimit(renderWith(MediaLimits.DEFAULT.withMaxDuration(Duration.ofMillis(350)), banana), Limit.DURATION);
    }

    @Test
    void wallClockBudget() {
        assertLimit(renderWith(MediaLimits.DEFAULT.withMaxRenderTime(Duration.ZERO), banana), Limit.RENDER_TIME);
    }

    @Test
    void decodeErrorCap() throws IOException {
        Path corrupt = dir.resolve("moon-corrupt.gif");
        Files.write(corrupt, corruptFramesFrom(MediaTestSupport.corpusFile("edge/imagegif-moon_impact.gif"), 2));

        Throwable t = renderWith(MediaLimits.DEFAULT.withMaxDecodeErrors(5), corrupt);
        assertThat(t)
                .isInstanceOfSatisfying(
                        MediaRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNDECODABLE))
                .hasMessageContaining("corrupt")
                .hasMessageContaining("more than 5");

        // under the default cap the good frames render, and the last good one is held to the end
        try (MediaEngine engine = MediaTestSupport.testEngine()) {
            RenderReport r = engine.render(RenderRequest.builder(corrupt, dir.resolve("ok.gif"))
                    .format(OutputFormat.GIF)
                    .build());
            // the two good frames are the same picture: one GIF image shows it for both delays
            assertThat(r.frames()).isEqualTo(1);
            assertThat(r.duration()).isEqualTo(Duration.ofMillis(2100));
        }
    }

    /** Sets the LZW minimum code size of every image from {@code from} on to 0, which no decoder accepts. */
    static byte[] corruptFramesFrom(Path gif, int from) throws IOException {
        byte[] b = Files.readAllBytes(gif);
        int p = 6;
        int packed = b[p + 4] & 0xff;
        p += 7;
        if ((packed & 0x80) != 0) {
            p += 3 * (1 << ((packed & 7) + 1));
        }
        int image = 0;
        while (p < b.length) {
            int block = b[p++] & 0xff;
            if (block == 0x21) {
                p++;
                p = skip(b, p);
            } else if (block == 0x2C) {
                int ip = b[p + 8] & 0xff;
                p += 9;
                if ((ip & 0x80) != 0) {
                    p += 3 * (1 << ((ip & 7) + 1));
                }
                if (image++ >= from) {
                    b[p] = 0;
                }
                p = skip(b, p + 1);
            } else {
                break;
            }
        }
        return b;
    }

    private static int skip(byte[] b, int p) {
        while (p < b.length) {
            int n = b[p++] & 0xff;
            if (n == 0) {
                break;
            }
            p += n;
        }
        return p;
    }
}
