package dev.nemo.sdk.testkit.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RenderReportTest {

    private static RenderReport report(long in, long out, OptionalLong target, boolean met) {
        RenderAttempt a = new RenderAttempt(
                RenderAttempt.Mode.CRF,
                1152,
                624,
                OptionalInt.of(27),
                OptionalLong.empty(),
                OptionalDouble.empty(),
                OptionalInt.empty(),
                OptionalInt.empty(),
                out,
                met);
        return new RenderReport(
                Path.of("in.gif"),
                Path.of("out.mp4"),
                OutputFormat.MP4,
                in,
                out,
                1152,
                624,
                482,
                Duration.ofMillis(32_140),
                List.of(a, a, a),
                OptionalInt.of(27),
                target,
                met,
                OptionalDouble.of(0.9624),
                Duration.ofSeconds(4),
                List.of(),
                false);
    }

    @Test
    void ratioAndSavingsForTheDemoPrintout() {
        RenderReport r = report(3_768_826, 412_000, OptionalLong.of(500_000), true);
        assertThat(r.compressionRatio()).isCloseTo(9.15, org.assertj.core.data.Offset.offset(0.01));
        assertThat(r.savedPercent()).isCloseTo(89.07, org.assertj.core.data.Offset.offset(0.01));
        assertThat(r.summary())
                .isEqualTo(
                        "3.8 MB -> 412 KB (9.1x smaller), SSIM 0.962, MP4 1152x624, 32.1 s, CRF 27 after 3 attempts, under 500 KB");
    }

    @Test
    void summarySaysWhenTheTargetWasMissed() {
        assertThat(report(1_000, 900, OptionalLong.of(500), false).summary()).contains("OVER the target of 500 B");
    }

    @Test
    void summaryOfATargetReachedOnlyBelowAWatchableQualityDoesNotCallTheFileOver() {
        String s = report(1_000, 400, OptionalLong.of(500), false).summary();
        assertThat(s)
                .endsWith(", target of 500 B NOT met: reached only below a watchable quality")
                .doesNotContain("OVER")
                .doesNotContain("under 500 B");
    }

    @Test
    void humanBytes() {
        assertThat(RenderReport.humanBytes(999)).isEqualTo("999 B");
        assertThat(RenderReport.humanBytes(71_759)).isEqualTo("72 KB");
        assertThat(RenderReport.humanBytes(3_768_826)).isEqualTo("3.8 MB");
    }
}
