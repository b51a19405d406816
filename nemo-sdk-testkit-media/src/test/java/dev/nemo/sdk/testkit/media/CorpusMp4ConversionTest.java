package dev.nemo.sdk.testkit.media;

import static dev.nemo.sdk.testkit.media.MediaTestSupport.assumeNatives;
import static dev.nemo.sdk.testkit.media.MediaTestSupport.corpusFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every GIF and APNG of the corpus becomes a playable MP4 whose duration is the sum of the source's
 * frame delays (within one frame), checked by re-demuxing the output with FFmpeg and by reading
 * its MP4 boxes, against delays read from the source by an independent parser. The default suite
 * runs a representative subset (variable delays, 0 cs delays, a long last frame, transparency,
 * disposal modes, palette and RGBA APNG); {@code -Dnemo.media.fullCorpus=true} runs every file.
 */
class CorpusMp4ConversionTest {

    private static final List<String> SUBSET = List.of(
            "cartoon/pillow-iss634.gif",
            "apng/pillow-iss634.apng",
            "apng/sdwebimage-geneva-drive.apng",
            "transparent/kingfisher-dancing-banana.gif",
            "transparent/kingfisher-loader.gif",
            "screen/thefuck-example.gif",
            "photo/glide-concert.gif",
            "photo/muybridge-horse.gif");

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

    static Stream<String> files() {
        if (!MediaTestSupport.fullCorpus()) {
            return SUBSET.stream();
        }
        return Stream.concat(
                        MediaTestSupport.corpusFolder("apng").stream(),
                        Stream.of("cartoon", "photo", "screen", "transparent")
                                .flatMap(f -> MediaTestSupport.corpusFolder(f).stream()))
                .map(p -> p.getParent().getFileName() + "/" + p.getFileName())
                .filter(n -> n.endsWith(".gif") || n.endsWith(".apng"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void convertsToAPlayableMp4WithTheSourceTiming(String name) throws IOException {
        assumeNatives();
        Path source = corpusFile(name);
        List<Double> delays = name.endsWith(".gif")
                ? GifTiming.delays(source).stream().map(cs -> cs * 10.0).toList()
                : ApngTiming.delaysMillis(source);
        double expectedMs = delays.stream().mapToDouble(Double::doubleValue).sum();
        double oneFrameMs =
                delays.stream().mapToDouble(Double::doubleValue).min().orElseThrow();

        Path out = dir.resolve("out.mp4");
        RenderReport report = engine.render(
                RenderRequest.builder(source, out).measureSsim(false).build());

        assertThat(report.output()).isEqualTo(out).exists();
        assertThat(report.outputBytes()).isPositive();
        assertThat(report.frames()).isEqualTo(delays.size());
        assertThat((double) report.duration().toMillis())
                .isCloseTo(expectedMs, org.assertj.core.data.Offset.offset(oneFrameMs));

        MediaInfo redemuxed = engine.probe(out);
        assertThat(redemuxed.codec()).isEqualTo("h264");
        assertThat(redemuxed.pixelFormat()).isEqualTo("yuv420p");
        assertThat(redemuxed.frames()).isEqualTo(delays.size());
        assertThat(redemuxed.width() % 2).isZero();
        assertThat(redemuxed.height() % 2).isZero();
        assertThat(redemuxed.width()).isLessThanOrEqualTo(1280);
        assertThat(redemuxed.height()).isLessThanOrEqualTo(720);
        MediaInfo src = engine.probe(source);
        assertThat(redemuxed.width()).isLessThanOrEqualTo(Math.max(2, src.width()));
        assertThat(redemuxed.height()).isLessThanOrEqualTo(Math.max(2, src.height()));
        assertThat(redemuxed.duration().toNanos() / 1e6)
                .isCloseTo(expectedMs, org.assertj.core.data.Offset.offset(oneFrameMs));

        Mp4Boxes boxes = Mp4Boxes.read(out);
        assertThat(boxes.topLevel()).containsSubsequence("ftyp", "moov", "mdat");
        assertThat(boxes.contains("avc1")).isTrue();
        assertThat(boxes.movieSeconds() * 1000).isCloseTo(expectedMs, org.assertj.core.data.Offset.offset(oneFrameMs));
        assertThat(boxes.sampleTableSeconds() * 1000)
                .isCloseTo(expectedMs, org.assertj.core.data.Offset.offset(oneFrameMs));
    }
}
