package dev.nemo.sdk.testkit.media;

import static dev.nemo.sdk.testkit.media.MediaTestSupport.assumeNatives;
import static dev.nemo.sdk.testkit.media.MediaTestSupport.corpusFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A GIF asked to become a GIF never comes out larger than it went in. */
class NeverLargerTest {

    private static MediaEngine engine;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        if (MediaEngine.availability().available()) {
            engine = MediaTestSupport.testEngine();
        }
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @BeforeEach
    void natives() {
        assumeNatives();
    }

    /** A 46-byte 8x8 checkerboard, GIF87a without extensions (made by hand, see src/test/resources/gif/README.md). */
    private Path checker() throws IOException {
        Path p = dir.resolve("checker-8x8.gif");
        try (InputStream in = NeverLargerTest.class.getResourceAsStream("/gif/checker-8x8.gif")) {
            Files.copy(in, p);
        }
        return p;
    }

    @Test
    void aGifNothingCanBeatIsReturnedUnchangedAndSaidSo() throws IOException {
        Path in = checker();
        Path out = dir.resolve("out.gif");
        RenderReport r = engine.render(
                RenderRequest.builder(in, out).format(OutputFormat.GIF).build());

        assertThat(r.alreadyOptimal()).isTrue();
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(in));
        assertThat(r.outputBytes()).isEqualTo(r.inputBytes()).isEqualTo(46);
        assertThat(r.width()).isEqualTo(8);
        assertThat(r.height()).isEqualTo(8);
        assertThat(r.notes()).anyMatch(n -> n.startsWith("already optimal"));
        assertThat(r.summary()).contains("already optimal");
    }

    @Test
    void anEditedGifIsNeverSwappedForItsSource() throws IOException {
        Path in = checker();
        RenderReport r = engine.render(RenderRequest.builder(in, dir.resolve("titled.gif"))
                .format(OutputFormat.GIF)
                .maxFps(5)
                .measureSsim(false)
                .build());
        assertThat(r.alreadyOptimal()).isFalse();
        assertThat(r.notes()).noneMatch(n -> n.startsWith("already optimal"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "transparent/kingfisher-loader.gif",
                "transparent/kingfisher-dancing-banana.gif",
                "cartoon/pillow-iss634.gif",
                "screen/vhs-neofetch.gif"
            })
    void corpusGifsNeverGrow(String file) {
        Path in = corpusFile(file);
        RenderReport r = engine.render(RenderRequest.builder(in, dir.resolve("out.gif"))
                .format(OutputFormat.GIF)
                .measureSsim(false)
                .build());
        assertThat(r.outputBytes()).isLessThanOrEqualTo(r.inputBytes());
        assertThat(r.alreadyOptimal()).isEqualTo(r.outputBytes() == r.inputBytes());
    }
}
