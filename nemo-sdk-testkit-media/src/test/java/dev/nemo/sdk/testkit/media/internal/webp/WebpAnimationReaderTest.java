package dev.nemo.sdk.testkit.media.internal.webp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nemo.sdk.testkit.media.MediaLimitExceededException;
import dev.nemo.sdk.testkit.media.MediaLimitExceededException.Limit;
import dev.nemo.sdk.testkit.media.MediaLimits;
import dev.nemo.sdk.testkit.media.MediaRejectedException;
import dev.nemo.sdk.testkit.media.MediaRejectedException.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The animated WebP reader against frames whose pixels are known: {@code anim-lossless.webp} was
 * made by libwebp's img2webp from five PNG frames, using sub-rectangles, blending and no-blend
 * frames and a dispose-to-background, so every composed canvas must equal its PNG exactly.
 */
class WebpAnimationReaderTest {

    @Test
    void losslessFramesComposeExactlyToTheirSourceFrames() {
        WebpFixtures.Played played = WebpFixtures.play(WebpFixtures.bytes("anim-lossless.webp"));
        List<int[]> expected = WebpFixtures.referenceFrames();

        assertThat(played.canvases()).hasSize(5);
        for (int f = 0; f < 5; f++) {
            int[] got = played.canvases().get(f);
            int[] want = expected.get(f);
            for (int i = 0; i < want.length; i++) {
                int at = i;
                int frame = f;
                // a fully transparent pixel has no colour to keep
                int mask = want[i] >>> 24 == 0 ? 0xff000000 : 0xffffffff;
                assertThat(Integer.toHexString(got[i] & mask))
                        .as(() -> "frame " + frame + " pixel (" + at % 48 + "," + at / 48 + ")")
                        .isEqualTo(Integer.toHexString(want[i] & mask));
            }
        }
    }

    @Test
    void durationsCanvasAndLoopAreKept() {
        byte[] file = WebpFixtures.bytes("anim-lossless.webp");
        AnimatedWebp a = WebpAnimationReader.open(file, MediaLimits.defaults()).animation();

        assertThat(WebpFixtures.play(file).durations()).isEqualTo(WebpFixtures.DURATIONS);
        assertThat(a.canvasWidth()).isEqualTo(48);
        assertThat(a.canvasHeight()).isEqualTo(32);
        assertThat(a.loopCount()).isZero();
        assertThat(a.backgroundArgb()).isEqualTo(0xffffffff);
        assertThat(a.frames()).extracting(AnmfFrame::blend).contains(true, false);
        assertThat(a.frames()).extracting(AnmfFrame::disposeToBackground).contains(true, false);
        assertThat(a.frames()).allMatch(AnmfFrame::lossless);
    }

    @Test
    void transparencyIsKept() {
        List<int[]> canvases =
                WebpFixtures.play(WebpFixtures.bytes("anim-lossless.webp")).canvases();

        assertThat(canvases.get(2)[5 * 48 + 30] >>> 24)
                .as("frame 2: cleared right half")
                .isZero();
        assertThat(canvases.get(2)[14 * 48 + 30] >>> 24)
                .as("frame 2: half-transparent band")
                .isEqualTo(128);
        assertThat(canvases.get(3)[0] >>> 24)
                .as("frame 3: the disposed rectangle is transparent")
                .isZero();
        assertThat(canvases.get(4)[3 * 48 + 3])
                .as("frame 4: a quarter-opaque green square")
                .isEqualTo(0x4000ff00);
    }

    @Test
    void lossyFramesWithAnAlphaChunkKeepTheirAlphaExactlyAndColoursClosely() {
        WebpFixtures.Played played = WebpFixtures.play(WebpFixtures.bytes("anim-lossy.webp"));
        List<int[]> expected = WebpFixtures.referenceFrames();

        assertThat(played.durations()).isEqualTo(WebpFixtures.DURATIONS);
        for (int f = 0; f < 5; f++) {
            int[] got = played.canvases().get(f);
            int[] want = expected.get(f);
            long error = 0;
            int opaque = 0;
            for (int i = 0; i < want.length; i++) {
                assertThat(got[i] >>> 24).as("alpha of frame %d pixel %d", f, i).isEqualTo(want[i] >>> 24);
                if (want[i] >>> 24 == 255) {
                    opaque++;
                    for (int shift = 0; shift < 24; shift += 8) {
                        error += Math.abs((got[i] >>> shift & 0xff) - (want[i] >>> shift & 0xff));
                    }
                }
            }
            double mean = opaque == 0 ? 0 : error / (3.0 * opaque);
            assertThat(mean).as("mean colour error of frame %d", f).isLessThan(6.0);
        }
    }

    @Test
    void aFrameOfTenMillisecondsOrLessIsShownForAHundred() {
        byte[] file = WebpFixtures.bytes("anim-lossless.webp").clone();
        AnmfFrame second = WebpAnimationReader.open(file, MediaLimits.defaults())
                .animation()
                .frames()
                .get(1);
        int durationField = second.image().offset() - RiffChunk.HEADER - AnmfFrame.HEADER + 12;
        file[durationField] = 0;
        file[durationField + 1] = 0;
        file[durationField + 2] = 0;

        assertThat(WebpFixtures.play(file).durations()).containsExactly(80, 100, 200, 40, 60);
    }

    @Test
    void aCanvasOverTheLimitsIsRefusedBeforeAnythingIsDecoded() {
        byte[] file = WebpFixtures.bytes("anim-lossless.webp");
        MediaLimits small = MediaLimits.defaults().withMaxFrameSize(40, 40 * 40);

        assertThatThrownBy(() -> WebpAnimationReader.open(file, small))
                .isInstanceOfSatisfying(
                        MediaLimitExceededException.class,
                        e -> assertThat(e.limit()).isEqualTo(Limit.FRAME_SIZE))
                .hasMessageContaining("48x32");
    }

    @Test
    void moreFramesThanTheLimitAreRefused() {
        byte[] file = WebpFixtures.bytes("anim-lossless.webp");

        assertThatThrownBy(() ->
                        WebpAnimationReader.open(file, MediaLimits.defaults().withMaxFrames(4)))
                .isInstanceOfSatisfying(
                        MediaLimitExceededException.class,
                        e -> assertThat(e.limit()).isEqualTo(Limit.FRAME_COUNT));
    }

    @Test
    void everyTruncationIsATypedRefusal() {
        byte[] file = WebpFixtures.bytes("anim-lossless.webp");
        for (int n = 0; n < file.length; n++) {
            byte[] cut = java.util.Arrays.copyOf(file, n);
            assertThatThrownBy(() -> WebpFixtures.play(cut))
                    .as("the first %d bytes", n)
                    .isInstanceOf(MediaRejectedException.class);
        }
    }

    @Test
    void aFrameOutsideTheCanvasIsRefused() {
        byte[] file = WebpFixtures.bytes("anim-lossless.webp").clone();
        AnmfFrame last = WebpAnimationReader.open(file, MediaLimits.defaults())
                .animation()
                .frames()
                .get(4);
        int xField = last.image().offset() - RiffChunk.HEADER - AnmfFrame.HEADER;
        file[xField] = 30; // x = 60, beyond the 48-pixel canvas

        assertThatThrownBy(() -> WebpAnimationReader.open(file, MediaLimits.defaults()))
                .isInstanceOfSatisfying(
                        MediaRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNDECODABLE))
                .hasMessageContaining("leaves the 48x32 canvas");
    }

    @Test
    void aStillWebpIsNotAnAnimation() {
        byte[] still = {'R', 'I', 'F', 'F', 4, 0, 0, 0, 'W', 'E', 'B', 'P'};

        assertThatThrownBy(() -> WebpAnimationReader.open(still, MediaLimits.defaults()))
                .isInstanceOf(MediaRejectedException.class)
                .hasMessageContaining("VP8X");
    }
}
