package dev.nemo.sdk.testkit.media;

import static dev.nemo.sdk.testkit.media.MediaTestSupport.assumeNatives;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nemo.sdk.testkit.media.MediaRejectedException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Animated WebP, which this FFmpeg cannot decode, is rejected with its own reason: never a crash. */
class WebpRejectionTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"video/pillow-iss634.webp", "video/sdwebimage-photo-anim.webp"})
    void animatedWebpIsATypedRejection(String name) throws IOException {
        assumeNatives();
        Path webp = MediaTestSupport.corpusFile(name);
        try (MediaEngine engine = MediaTestSupport.testEngine()) {
            assertThatThrownBy(() -> engine.render(RenderRequest.builder(webp, dir.resolve("out.mp4")).build()))
                    .isInstanceOfSatisfying(MediaRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ANIMATED_WEBP))
                    .hasMessageContaining("animated WebP")
                    // the upload list accepts "webp": the refusal says which WebP, so the two agree
                    .hasMessageContaining("WebP is accepted as a still picture only");
            assertThatThrownBy(() -> engine.probe(webp)).isInstanceOf(MediaRejectedException.class);
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void anUnknownFileTypeIsRejectedToo() throws IOException {
        assumeNatives();
        Path pdf = Files.writeString(dir.resolve("doc.gif"), "%PDF-1.7 not a gif");
        try (MediaEngine engine = MediaTestSupport.testEngine()) {
            assertThatThrownBy(() -> engine.render(RenderRequest.builder(pdf, dir.resolve("out.mp4")).build()))
                    .isInstanceOfSatisfying(MediaRejectedException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_FORMAT));
        }
    }
}
