package dev.nemo.sdk.testkit.media;

import static dev.nemo.sdk.testkit.media.MediaTestSupport.assumeNatives;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.sdk.json.JsonObject;
import dev.nemo.sdk.json.JsonValue;
import dev.nemo.sdk.testkit.RenderInput;
import dev.nemo.sdk.testkit.RenderOutput;
import dev.nemo.sdk.testkit.SourceMedia;
import dev.nemo.sdk.testkit.media.internal.AudioProbe;
import dev.nemo.sdk.testkit.media.internal.DecodedFrames;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every segment of the video track is rendered, one after another in timeline order. */
class VideoSegmentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static MediaEngine engine;

    @TempDir
    Path dir;

    @BeforeAll
    static void engine() {
        assumeNatives();
        engine = MediaTestSupport.testEngine();
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            engine.close();
        }
    }

    private SourceMedia gif(String name, int w, int h, int frames, int delayCs) throws IOException {
        Path gif = TestMedia.gif(dir.resolve(name), w, h, frames, delayCs);
        return new SourceMedia(
                "https://cdn.example/" + name,
                name,
                "image/gif",
                Files.readAllBytes(gif),
                w,
                h,
                frames * delayCs / 100.0);
    }

    @Test
    void segmentsOfDifferentSizesAreJoinedInTimelineOrderWithTheirOwnTiming() throws IOException {
        SourceMedia wide = gif("wide.gif", 160, 120, 10, 10); // 1.0 s at 10 fps
        SourceMedia tall = gif("tall.gif", 80, 120, 6, 20); // 1.2 s at 5 fps
        // Listed out of order: the timeline's start decides.
        JsonNode draft = JSON.readTree("""
                {"t":[{"tt":0,"sg":[{"start":1000,"duration":1200,"src":"%s","in":0},
                                    {"start":0,"duration":1000,"src":"%s","in":0}]}],"d":2200}""".formatted(tall.url(), wide.url()));
        var export = new RenderInput("render_1", "s1", obj(draft), null, List.of(wide, tall));
        RenderOutput out = new FfmpegRenderer(engine).render(export);
        Path mp4 = Files.write(dir.resolve("joined.mp4"), out.bytes());

        assertThat(AudioProbe.streams(mp4).videoSeconds()).isCloseTo(2.2, within(0.02));
        assertThat(out.details())
                .containsEntry("frames", 16)
                .containsEntry("width", 160)
                .containsEntry("height", 120)
                .containsEntry("segments", 2)
                .containsEntry("inputBytes", wide.size() + tall.size());
        List<DecodedFrames.Decoded> frames = DecodedFrames.decode(mp4, 16);
        assertThat(frames).hasSize(16);
        assertThat(frames.get(9).startMicros()).isCloseTo(900_000L, within(1_000L));
        assertThat(frames.get(10).startMicros()).isCloseTo(1_000_000L, within(1_000L));
        assertThat(frames.get(11).startMicros() - frames.get(10).startMicros()).isCloseTo(200_000L, within(1_000L));
        // The tall segment is fitted into the wide box: white margins left and right, picture in the middle.
        BufferedImage tallFrame = frames.get(12).image();
        assertThat(brightness(tallFrame.getRGB(10, 60))).isGreaterThan(240);
        assertThat(brightness(tallFrame.getRGB(150, 60))).isGreaterThan(240);
        BufferedImage wideFrame = frames.get(2).image();
        assertThat(brightness(wideFrame.getRGB(10, 60))).isLessThan(240);
    }

    @Test
    void eachSegmentIsCutFromItsInForItsDuration() throws IOException {
        SourceMedia wide = gif("wide.gif", 160, 120, 10, 10);
        SourceMedia tall = gif("tall.gif", 80, 120, 6, 20);
        JsonNode draft = JSON.readTree("""
                {"t":[{"tt":0,"sg":[{"start":0,"duration":400,"src":"%s","in":300},
                                    {"start":400,"duration":600,"src":"%s","in":200}]}],"d":1000}""".formatted(wide.url(), tall.url()));
        var export = new RenderInput("render_1", "s1", obj(draft), null, List.of(wide, tall));
        RenderOutput out = new FfmpegRenderer(engine).render(export);
        Path mp4 = Files.write(dir.resolve("cut.mp4"), out.bytes());

        assertThat(AudioProbe.streams(mp4).videoSeconds()).isCloseTo(1.0, within(0.02));
        assertThat(out.details()).containsEntry("frames", 4 + 3);
    }

    private static int brightness(int rgb) {
        return Math.min((rgb >> 16) & 0xff, Math.min((rgb >> 8) & 0xff, rgb & 0xff));
    }

    /** The test's Jackson tree as the SDK's JSON object. */
    private static JsonObject obj(JsonNode tree) {
        return tree == null ? null : (JsonObject) JsonValue.parse(tree.toString());
    }
}
