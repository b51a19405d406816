package dev.nemo.sdk.testkit.media;

import static dev.nemo.sdk.testkit.media.MediaTestSupport.assumeNatives;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nemo.sdk.testkit.media.MediaLimitExceededException.Limit;
import dev.nemo.sdk.testkit.media.MediaRejectedException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of the corpus's {@code edge/} folder (decompression bombs, giant declared canvases,
 * truncated and concatenated streams, a header-only GIF, an audio-only MP4) ends in a result or a
 * typed error within the render's deadline, the JVM survives, and nothing is left behind.
 */
class EdgeCorpusTest {

    /** The render budget each edge file gets: the engine's own guard, the deadline of the test. */
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    /** What is known about some files: an exception type and reason/limit, or the frame count of a success. */
    private static final Map<String, Object> EXPECTED = Map.of(
            "imagegif-issue-101-infinite-empty-loop.gif", Limit.FRAME_SIZE,
            "imagegif-issue-117-out-of-range.gif", Limit.FRAME_SIZE,
            "pillow-decompression_bomb.gif", Reason.UNDECODABLE,
            "small-gif.gif", Reason.UNDECODABLE,
            "small-mp4-with-audio.mp4", Reason.NO_VIDEO,
            "pillow-dispose_prev.gif", 5,
            "pillow-missing_background.gif", 4,
            "imagegif-moon_impact.gif", 14,
            "imagegif-interlaced.gif", 1);

    private static MediaEngine engine;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        if (MediaEngine.availability().available()) {
            engine = MediaEngine.builder()
                    .x264Preset("veryfast")
                    .limits(MediaLimits.DEFAULT.withMaxRenderTime(DEADLINE))
                    .build();
        }
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    static Stream<Path> edgeFiles() {
        List<Path> files = MediaTestSupport.corpusFolder("edge");
        assertThat(files).as("edge files (in-repository subset at least)").hasSizeGreaterThanOrEqualTo(11);
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edgeFiles")
    void endsInAResultOrATypedError(Path file) throws IOException {
        assumeNatives();
        Path out = dir.resolve("out.mp4");
        Object expected = EXPECTED.get(file.getFileName().toString());
        RenderReport report = null;
        Throwable failure = null;
        try {
            report = engine.render(RenderRequest.builder(file, out).build());
        } catch (MediaRejectedException | MediaLimitExceededException e) {
            failure = e;
        }
        if (report != null) {
            assertThat(out).exists();
            assertThat(report.frames()).isPositive();
            assertThat(engine.probe(out).frames()).isEqualTo(report.frames());
            if (expected instanceof Integer frames) {
                assertThat(report.frames()).isEqualTo(frames);
            } else {
                assertThat(expected).as("expected a typed error").isNull();
            }
        } else {
            assertThat(failure.getMessage()).isNotBlank();
            assertThat(out).doesNotExist();
            if (expected instanceof Reason reason) {
                assertThat(failure)
                        .isInstanceOfSatisfying(
                                MediaRejectedException.class,
                                e -> assertThat(e.reason()).isEqualTo(reason));
            } else if (expected instanceof Limit limit) {
                assertThat(failure)
                        .isInstanceOfSatisfying(
                                MediaLimitExceededException.class,
                                e -> assertThat(e.limit()).isEqualTo(limit));
            } else {
                assertThat(expected).as("expected success, got " + failure).isNull();
            }
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left)
                    .allSatisfy(p -> assertThat(p.getFileName().toString()).isEqualTo("out.mp4"));
        }
    }

    @Test
    void aGiantDeclaredCanvasFailsBeforeAnythingIsDecoded() {
        assumeNatives();
        Path bomb = MediaTestSupport.corpusFile("edge/imagegif-issue-101-infinite-empty-loop.gif");
        assertThatThrownBy(() -> engine.probe(bomb))
                .isInstanceOfSatisfying(
                        MediaLimitExceededException.class,
                        e -> assertThat(e.limit()).isEqualTo(Limit.FRAME_SIZE))
                .hasMessageContaining("6727x65351");
    }

    @Test
    void rejectionsSayWhatTheDecoderSaw() {
        assumeNatives();
        Path bomb = MediaTestSupport.corpusFile("edge/pillow-decompression_bomb.gif");
        assertThatThrownBy(() -> engine.render(
                        RenderRequest.builder(bomb, dir.resolve("x.mp4")).build()))
                .isInstanceOf(MediaRejectedException.class)
                .hasMessageContaining("no frame")
                .hasMessageContaining("Invalid top position");
    }
}
