package dev.nemo.sdk.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.json.JsonValue;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExportJobTest {

    private static ExportJob job(String json) {
        return ExportJob.fromJson("render_1", JsonValue.parse(json));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // form A, envelope kept
                "{\"success\":true,\"data\":{\"id\":\"render_1\",\"status\":\"completed\",\"progress\":100,\"outputUrl\":\"https://static1.nemovideo.ai/render-result/render_1.mp4\",\"createdAt\":1773423613616,\"completedAt\":1773423641222}}",
                // form A, envelope removed by the transport
                "{\"id\":\"render_1\",\"status\":\"completed\",\"progress\":100,\"outputUrl\":\"https://static1.nemovideo.ai/render-result/render_1.mp4\"}",
                // form B
                "{\"taskId\":\"render_1\",\"status\":\"completed\",\"progress\":100,\"output\":{\"url\":\"https://static1.nemovideo.ai/render-result/render_1.mp4\",\"duration\":30.5,\"size\":15728640}}",
                // render_id variant with snake_case URL
                "{\"render_id\":\"render_1\",\"status\":\"COMPLETED\",\"output_url\":\"https://static1.nemovideo.ai/render-result/render_1.mp4\"}",
                // data.* equivalents of form B
                "{\"data\":{\"status\":\"done\",\"output\":{\"url\":\"https://static1.nemovideo.ai/render-result/render_1.mp4\"}}}",
                // no status, only a URL
                "{\"url\":\"https://static1.nemovideo.ai/render-result/render_1.mp4\"}"
            })
    void decodesEveryCompletedForm(String json) {
        ExportJob j = job(json);
        assertThat(j.renderId()).isEqualTo("render_1");
        assertThat(j.status()).isEqualTo(ExportStatus.COMPLETED);
        assertThat(j.isCompleted()).isTrue();
        assertThat(j.outputUrl()).contains(URI.create("https://static1.nemovideo.ai/render-result/render_1.mp4"));
    }

    @Test
    void keepsTimestampsSizesAndRawJson() {
        ExportJob a =
                job("{\"status\":\"completed\",\"createdAt\":1773423613616,\"completedAt\":\"2026-03-13T17:40:41Z\"}");
        assertThat(a.createdAt()).contains(Instant.ofEpochMilli(1773423613616L));
        assertThat(a.completedAt()).contains(Instant.parse("2026-03-13T17:40:41Z"));
        assertThat(job("{\"created_at\":1773423613.5}").createdAt()).contains(Instant.ofEpochMilli(1773423613500L));

        ExportJob b = job(
                "{\"status\":\"completed\",\"output\":{\"url\":\"https://cdn.example.com/o.mp4\",\"duration\":30.5,\"size\":15728640}}");
        assertThat(b.outputSize()).hasValue(15728640);
        assertThat(b.outputDuration()).contains(Duration.ofMillis(30500));
        assertThat(b.raw().get("output").flatMap(o -> o.get("size"))).contains(JsonValue.of(15728640));
    }

    @Test
    void runningAndUnknownStatuses() {
        assertThat(job("{\"success\":true,\"data\":{\"id\":\"render_1\",\"status\":\"pending\",\"progress\":5}}")
                        .progress())
                .hasValue(5);
        assertThat(job("{\"status\":\"processing\",\"progress\":\"45%\"}").status())
                .isEqualTo(ExportStatus.PROCESSING);
        assertThat(job("{\"status\":\"processing\",\"progress\":\"45%\"}").progress())
                .hasValue(45);
        assertThat(job("{\"status\":\"processing\",\"progress\":250}").progress())
                .hasValue(100);
        ExportJob odd = job("{\"status\":\"warming_gpu\"}");
        assertThat(odd.status()).isEqualTo(ExportStatus.UNKNOWN);
        assertThat(odd.isTerminal()).isFalse();
        assertThat(odd.rawStatus()).contains("warming_gpu");
        assertThat(job("{}").status()).isEqualTo(ExportStatus.UNKNOWN);
        assertThat(ExportJob.fromJson("render_1", null).status()).isEqualTo(ExportStatus.UNKNOWN);
    }

    @Test
    void failures() {
        ExportJob a = job("{\"success\":true,\"data\":{\"status\":\"failed\",\"error\":\"Out of GPU memory\"}}");
        assertThat(a.status()).isEqualTo(ExportStatus.FAILED);
        assertThat(a.error()).contains("Out of GPU memory");
        assertThat(job("{\"status\":\"error\",\"error\":{\"message\":\"bad clip\"}}")
                        .error())
                .contains("bad clip");
        assertThat(job("{\"status\":\"failed\",\"message\":\"codec\"}").error()).contains("codec");
        assertThat(job("{\"error\":\"no status but an error\"}").status()).isEqualTo(ExportStatus.FAILED);
        assertThat(job("{\"status\":\"canceled\"}").status()).isEqualTo(ExportStatus.CANCELLED);
    }

    @Test
    void ignoresUrlsThatAreNotHttp() {
        assertThat(job("{\"status\":\"completed\",\"outputUrl\":\"file:///etc/passwd\"}")
                        .outputUrl())
                .isEmpty();
        assertThat(job("{\"status\":\"completed\",\"outputUrl\":\"not a url\"}").outputUrl())
                .isEmpty();
    }

    @Test
    void toStringHidesTheSignedQuery() {
        ExportJob j = job(
                "{\"status\":\"completed\",\"outputUrl\":\"https://cdn.example.com/o.mp4?X-Amz-Signature=abc123\"}");
        assertThat(j.toString()).contains("https://cdn.example.com/o.mp4").doesNotContain("abc123");
    }

    @Test
    void defaultOptionsAreTheDocumentedOutput() {
        assertThat(ExportOptions.defaults().toOutputJson().toString())
                .isEqualTo("{\"format\":\"mp4\",\"quality\":\"high\"}");
        assertThat(ExportOptions.builder()
                        .format(ExportFormat.GIF)
                        .resolution("720p")
                        .outputField("fps", JsonValue.of(30))
                        .build()
                        .toOutputJson()
                        .toString())
                .isEqualTo("{\"format\":\"gif\",\"quality\":\"high\",\"resolution\":\"720p\",\"fps\":30}");
        assertThat(PollingStrategy.defaults().interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(PollingStrategy.defaults().maxPolls()).isEqualTo(10);
    }
}
