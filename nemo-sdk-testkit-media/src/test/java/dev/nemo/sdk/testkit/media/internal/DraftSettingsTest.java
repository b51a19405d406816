package dev.nemo.sdk.testkit.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.sdk.json.JsonObject;
import dev.nemo.sdk.json.JsonValue;
import dev.nemo.sdk.testkit.RenderInput;
import dev.nemo.sdk.testkit.SourceMedia;
import dev.nemo.sdk.testkit.media.OutputFormat;
import dev.nemo.sdk.testkit.media.RenderRequest;
import dev.nemo.sdk.testkit.media.RgbColor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DraftSettingsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SRC = "http://cdn/a.gif";
    private final SourceMedia source = new SourceMedia(SRC, "a.gif", "image/gif", new byte[] {1}, 640, 360, 10.0);

    private DraftSettings read(String draft, String output) throws Exception {
        JsonNode d = JSON.readTree(draft);
        JsonNode o = output == null ? null : JSON.readTree(output);
        var export = new RenderInput("render_1", "s1", obj(d), obj(o), List.of(source));
        return DraftSettings.of(export, source, Path.of("in.gif"), Path.of("out.mp4"));
    }

    @Test
    void agentSettingsBecomeRenderSettings() throws Exception {
        DraftSettings s = read("""
                {"t":[{"tt":0,"sg":[{"start":0,"duration":5000,"src":"%s","in":2000}]},
                      {"tt":7,"sg":[{"start":500,"duration":3000,"text":"Urban Dreams"}]}],
                 "d":5000,
                 "m":{"format":"gif","width":1080,"height":1920,"resolution":"stories","target_size_bytes":512000,
                      "fps":12,"background":"#ff0000"}}""".formatted(SRC), null);
        RenderRequest r = s.request();
        assertThat(r.format()).isEqualTo(OutputFormat.GIF);
        assertThat(r.maxWidth()).isEqualTo(1080);
        assertThat(r.maxHeight()).isEqualTo(1920);
        assertThat(r.targetSizeBytes()).hasValue(512_000);
        assertThat(r.maxFps()).hasValue(12);
        assertThat(r.background()).isEqualTo(new RgbColor(255, 0, 0));
        assertThat(r.trimStart()).isEqualTo(Duration.ofSeconds(2));
        assertThat(r.trimDuration()).hasValue(Duration.ofSeconds(5));
        assertThat(r.title()).hasValue("Urban Dreams");
        assertThat(r.titleStart()).isEqualTo(Duration.ofMillis(500));
        assertThat(r.titleDuration()).hasValue(Duration.ofSeconds(3));
        assertThat(s.notes()).isEmpty();
    }

    @Test
    void theSourceSizeTheAgentNotedOnUploadIsNotABox() throws Exception {
        RenderRequest r = read("""
                {"t":[{"tt":0,"sg":[{"start":0,"duration":10000,"src":"%s","in":0}]}],"m":{"width":1734,"height":1083}}""".formatted(SRC), null).request();
        assertThat(r.maxWidth()).isEqualTo(1280);
        assertThat(r.maxHeight()).isEqualTo(720);
        assertThat(r.trimStart()).isZero();
        assertThat(r.trimDuration()).isEmpty();
        assertThat(r.format()).isEqualTo(OutputFormat.MP4);
    }

    @Test
    void anExplicitOutputSizeIsFittedInTheLargestBox() throws Exception {
        RenderRequest r = read("{\"t\":[],\"m\":{}}", "{\"format\":\"mp4\",\"width\":3840,\"height\":2160}")
                .request();
        assertThat(r.maxWidth()).isEqualTo(1920);
        assertThat(r.maxHeight()).isEqualTo(1080);
        assertThat(DraftSettings.allowedBox(1080, 1920)).containsExactly(1080, 1920);
        assertThat(DraftSettings.allowedBox(4000, 4000)).containsExactly(1080, 1080);
    }

    @Test
    void qualityPicksTheCrfWhenThereIsNoTarget() throws Exception {
        assertThat(read("{\"m\":{\"quality\":\"high\"}}", null).request().crf()).isEqualTo(23);
        assertThat(read("{\"m\":{\"quality\":\"medium\"}}", null).request().crf())
                .isEqualTo(26);
        assertThat(read("{}", "{\"quality\":\"low\"}").request().crf()).isEqualTo(30);
        assertThat(read("{\"m\":{\"quality\":\"high\",\"target_size_bytes\":1000}}", null)
                        .request()
                        .crf())
                .isEqualTo(23);
    }

    @Test
    void whatCannotBeHonouredIsNoted() throws Exception {
        DraftSettings s = read("""
                {"t":[{"tt":1,"sg":[{"start":0,"duration":1000,"label":"Lo-fi","volume":0.3}]}],
                 "m":{"format":"webm","background":"plaid"}}""", null);
        assertThat(s.request().format()).isEqualTo(OutputFormat.MP4);
        assertThat(s.request().background()).isEqualTo(RgbColor.WHITE);
        assertThat(s.notes())
                .hasSize(3)
                .anyMatch(n -> n.contains("webm"))
                .anyMatch(n -> n.contains("plaid"))
                .anyMatch(n -> n.contains("music"));
    }

    @Test
    void anAudioSegmentThatNamesAnUploadIsTheMusicToMix() throws Exception {
        SourceMedia wav = new SourceMedia("http://cdn/t.wav", "t.wav", "audio/wav", new byte[] {1}, null, null, 9.0);
        JsonNode d = JSON.readTree("""
                {"t":[{"tt":0,"sg":[{"start":0,"duration":5000,"src":"%s","in":0}]},
                      {"tt":1,"sg":[{"start":0,"duration":1000,"label":"Lo-fi"},
                                    {"start":500,"duration":3000,"src":"http://cdn/t.wav","in":1500,"volume":1.7}]}]}""".formatted(SRC));
        var export = new RenderInput("render_1", "s1", obj(d), null, List.of(source, wav));
        DraftSettings s = DraftSettings.of(export, source, Path.of("in.gif"), Path.of("out.mp4"));
        assertThat(s.music()).hasValueSatisfying(m -> {
            assertThat(m.source()).isSameAs(wav);
            assertThat(m.in()).isEqualTo(Duration.ofMillis(1500));
            assertThat(m.start()).isEqualTo(Duration.ofMillis(500));
            assertThat(m.length()).isEqualTo(Duration.ofSeconds(3));
            assertThat(m.volume()).isEqualTo(1.0);
        });
        assertThat(s.notes()).isEmpty();
    }

    @Test
    void aLabelOnlyMusicSegmentIsNoMusicToMix() throws Exception {
        DraftSettings s = read("""
                {"t":[{"tt":1,"sg":[{"start":0,"duration":1000,"label":"Lo-fi","volume":0.3}]}]}""", null);
        assertThat(s.music()).isEmpty();
        assertThat(s.notes()).singleElement().asString().contains("names no uploaded audio");
    }

    @Test
    void severalVideoSegmentsAreListedInTimelineOrderAndTheTrimIsLeftToEach() throws Exception {
        SourceMedia other = new SourceMedia("http://cdn/b.gif", "b.gif", "image/gif", new byte[] {1}, 64, 64, 2.0);
        SourceMedia wav = new SourceMedia("http://cdn/t.wav", "t.wav", "audio/wav", new byte[] {1}, null, null, 9.0);
        JsonNode d = JSON.readTree("""
                {"t":[{"tt":0,"sg":[{"start":4000,"duration":1500,"src":"http://cdn/b.gif","in":500},
                                    {"start":0,"duration":4000,"src":"%s","in":2000},
                                    {"start":5500,"duration":1000,"src":"http://cdn/t.wav"},
                                    {"start":6500,"duration":1000,"label":"no upload"}]}]}""".formatted(SRC));
        var export = new RenderInput("render_1", "s1", obj(d), null, List.of(source, other, wav));
        DraftSettings s = DraftSettings.of(export, source, Path.of("in.gif"), Path.of("out.mp4"));
        assertThat(s.videoSegments())
                .containsExactly(
                        new DraftSettings.VideoSegment(source, Duration.ofMillis(2000), Duration.ofMillis(4000)),
                        new DraftSettings.VideoSegment(other, Duration.ofMillis(500), Duration.ofMillis(1500)));
        assertThat(s.request().trimStart()).isZero();
        assertThat(s.request().trimDuration()).isEmpty();
    }

    /** The test's Jackson tree as the SDK's JSON object. */
    private static JsonObject obj(JsonNode tree) {
        return tree == null ? null : (JsonObject) JsonValue.parse(tree.toString());
    }
}
