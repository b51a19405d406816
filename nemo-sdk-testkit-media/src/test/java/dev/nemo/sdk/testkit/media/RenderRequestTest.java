package dev.nemo.sdk.testkit.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RenderRequestTest {

    private final Path in = Path.of("in.gif");
    private final Path out = Path.of("out.mp4");

    @Test
    void defaults() {
        RenderRequest r = RenderRequest.builder(in, out).build();
        assertThat(r.format()).isEqualTo(OutputFormat.MP4);
        assertThat(r.maxWidth()).isEqualTo(1280);
        assertThat(r.maxHeight()).isEqualTo(720);
        assertThat(r.crf()).isEqualTo(23);
        assertThat(r.targetSizeBytes()).isEmpty();
        assertThat(r.trimStart()).isZero();
        assertThat(r.trimDuration()).isEmpty();
        assertThat(r.title()).isEmpty();
        assertThat(r.background()).isEqualTo(RgbColor.WHITE);
        assertThat(r.maxFps()).isEmpty();
        assertThat(r.measureSsim()).isTrue();
    }

    @Test
    void storiesBoxIsAllowedButNothingLarger() {
        assertThat(RenderRequest.builder(in, out).maxSize(1080, 1920).build().maxHeight())
                .isEqualTo(1920);
        assertThat(RenderRequest.builder(in, out).maxSize(1920, 1080).build().maxWidth())
                .isEqualTo(1920);
        assertThatThrownBy(
                        () -> RenderRequest.builder(in, out).maxSize(1920, 1920).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1080x1920");
        assertThatThrownBy(() -> RenderRequest.builder(in, out).maxSize(8, 8).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void validatesItsValues() {
        assertThatThrownBy(() -> RenderRequest.builder(in, out).crf(52)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RenderRequest.builder(in, out).targetSizeBytes(-1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RenderRequest.builder(in, out).maxFps(-2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RenderRequest.builder(in, out)
                        .trim(Duration.ofSeconds(-1), null)
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RenderRequest.builder(in, out)
                        .trim(Duration.ZERO, Duration.ZERO)
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RenderRequest.builder(in, in).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overwrite");
    }

    @Test
    void blankTitleMeansNone() {
        assertThat(RenderRequest.builder(in, out).title("  ").build().title()).isEmpty();
        assertThat(RenderRequest.builder(in, out).title(" Hi ").build().title()).contains("Hi");
    }

    @Test
    void toBuilderKeepsEverything() {
        RenderRequest r = RenderRequest.builder(in, out)
                .format(OutputFormat.GIF)
                .maxSize(640, 360)
                .targetSizeBytes(500_000)
                .trim(Duration.ofSeconds(1), Duration.ofSeconds(5))
                .title("T")
                .background(RgbColor.BLACK)
                .maxFps(12)
                .crf(28)
                .measureSsim(false)
                .stillDuration(Duration.ofSeconds(2))
                .build();
        RenderRequest copy = r.toBuilder().build();
        assertThat(copy.toString()).isEqualTo(r.toString());
        assertThat(copy.stillDuration()).isEqualTo(Duration.ofSeconds(2));
        assertThat(copy.measureSsim()).isFalse();
    }
}
