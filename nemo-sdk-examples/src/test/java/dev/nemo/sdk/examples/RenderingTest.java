package dev.nemo.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.export.DownloadResult;
import dev.nemo.sdk.export.ExportFormat;
import dev.nemo.sdk.export.ExportJob;
import dev.nemo.sdk.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What an export summary says, from whatever the render service reported. */
class RenderingTest {

    private static String summary(long input, long output, String pollJson) throws IOException {
        ExportJob job = ExportJob.fromJson("render_1", JsonValue.parse(pollJson));
        DownloadResult file = new DownloadResult(
                Path.of("out.mp4"),
                output,
                Duration.ofMillis(5),
                URI.create("http://cdn/render-result/render_1.mp4"),
                false);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Rendering.printSummary(
                input, new Rendering.Rendered(job, file), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aMediaEngineRenderShowsSizesRatioRendererAndSsim() throws IOException {
        String s = summary(
                281_960,
                120_000,
                "{\"id\":\"render_1\",\"status\":\"completed\",\"progress\":100,"
                        + "\"outputUrl\":\"http://cdn/render-result/render_1.mp4\",\"renderer\":\"ffmpeg\",\"converted\":true,"
                        + "\"quality\":{\"ssim\":0.98712,\"crf\":28}}");

        assertThat(s.lines())
                .containsExactly(
                        "Size: 275.4 KB -> 117.2 KB (42.6% of the input, 2.35x smaller)",
                        "Renderer: ffmpeg", "Quality: SSIM 0.9871 against the input");
    }

    @Test
    void aPassthroughRenderShowsItsNoteAndNoQuality() throws IOException {
        String s = summary(
                1000,
                1000,
                "{\"success\":true,\"data\":{\"status\":\"completed\",\"renderer\":\"passthrough\","
                        + "\"note\":\"the output is the source\"}}");

        assertThat(s.lines())
                .containsExactly(
                        "Size: 1000 bytes -> 1000 bytes (100.0% of the input, same size)",
                        "Renderer: passthrough (the output is the source)");
    }

    @Test
    void aServerThatSaysNothingMoreGetsTheSizesOnly() throws IOException {
        assertThat(summary(
                                2048,
                                1024,
                                "{\"status\":\"completed\",\"output\":{\"url\":\"http://cdn/x.mp4\"},"
                                        + "\"ssim\":\"n/a\"}")
                        .lines())
                .containsExactly("Size: 2.0 KB -> 1.0 KB (50.0% of the input, 2.00x smaller)");
    }

    @Test
    void theSavedFileIsNamedAfterWhatTheRenderProduced() throws IOException {
        ExportJob gif = ExportJob.fromJson(
                "r",
                JsonValue.parse("{\"status\":\"completed\",\"outputUrl\":"
                        + "\"https://cdn.example/render-result/r.GIF?sig=abc\"}"));
        ExportJob none = ExportJob.fromJson(
                "r",
                JsonValue.parse("{\"status\":\"completed\",\"outputUrl\":" + "\"https://cdn.example/download/r\"}"));

        assertThat(Rendering.extensionOf(gif, ExportFormat.MP4)).isEqualTo("gif");
        assertThat(Rendering.extensionOf(none, ExportFormat.MP4)).isEqualTo("mp4");
        assertThat(Rendering.formatFor(Path.of("a/b.GIF"))).isEqualTo(ExportFormat.GIF);
        assertThat(Rendering.formatFor(Path.of("a/b.webm"))).isEqualTo(ExportFormat.MP4);
        assertThat(Rendering.baseName("cat.anim.gif")).isEqualTo("cat.anim");
        assertThat(Rendering.baseName(".hidden")).isEqualTo(".hidden");
    }
}
