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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A draft's background-music track is mixed into the MP4 as an AAC stream that spans the video. */
class BackgroundMusicTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GIF_URL = "https://cdn.example/clip.gif";
    private static final String WAV_URL = "https://cdn.example/tone.wav";
    /** One AAC frame at 48 kHz is 21.3 ms; the container may round either stream a little. */
    private static final double TOLERANCE_SECONDS = 0.05;

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

    private SourceMedia gif() throws IOException {
        Path gif = TestMedia.gif(dir.resolve("clip.gif"), 160, 120, 20, 10); // 2.0 s
        return new SourceMedia(GIF_URL, "clip.gif", "image/gif", Files.readAllBytes(gif), 160, 120, 2.0);
    }

    private static SourceMedia wav(double seconds) {
        return new SourceMedia(
                WAV_URL, "tone.wav", "audio/wav", TestMedia.sineWav(seconds, 44_100, 440, 0.5), null, null, seconds);
    }

    private RenderOutput render(String draft, List<SourceMedia> sources) throws IOException {
        JsonNode d = JSON.readTree(draft.replace("GIF", GIF_URL).replace("WAV", WAV_URL));
        var export = new RenderInput("render_1", "s1", obj(d), null, sources);
        return new FfmpegRenderer(engine).render(export);
    }

    private Path write(RenderOutput out, String name) throws IOException {
        return Files.write(dir.resolve(name), out.bytes());
    }

    private static String draft(double volume, String music) {
        return """
                {"t":[{"tt":0,"sg":[{"start":0,"duration":2000,"src":"GIF","in":0}]},
                      {"tt":1,"sg":[{"start":0,"duration":2000,%s"volume":%s}]}],"d":2000}""".formatted(music, volume);
    }

    @Test
    void musicIsMixedInAsAnAacStreamAsLongAsTheVideoAndScaledByTheVolume() throws IOException {
        List<SourceMedia> sources = List.of(gif(), wav(3.0));
        RenderOutput quiet = render(draft(0.35, "\"src\":\"WAV\",\"in\":0,"), sources);
        RenderOutput loud = render(draft(1.0, "\"src\":\"WAV\",\"in\":0,"), sources);

        AudioProbe.Streams streams = AudioProbe.streams(write(quiet, "quiet.mp4"));
        assertThat(streams.streams()).isEqualTo(2);
        assertThat(streams.audioCodec()).isEqualTo("aac");
        assertThat(streams.videoSeconds()).isCloseTo(2.0, within(TOLERANCE_SECONDS));
        assertThat(streams.audioSeconds()).isCloseTo(streams.videoSeconds(), within(TOLERANCE_SECONDS));
        assertThat(quiet.details()).containsEntry("audio", "aac");
        assertThat(quiet.details()).doesNotContainKey("notes");

        double quietRms = AudioProbe.rms(dir.resolve("quiet.mp4"));
        double loudRms = AudioProbe.rms(write(loud, "loud.mp4"));
        // A sine of amplitude 0.5 has an RMS of 0.354; at 35 % volume 0.124.
        assertThat(loudRms).isCloseTo(0.354, within(0.03));
        assertThat(quietRms / loudRms).isCloseTo(0.35, within(0.03));
    }

    @Test
    void musicShorterThanTheVideoStartsAtItsSegmentAndIsPaddedWithSilence() throws IOException {
        RenderOutput out = render("""
                {"t":[{"tt":0,"sg":[{"start":0,"duration":2000,"src":"GIF","in":0}]},
                      {"tt":1,"sg":[{"start":1000,"duration":500,"src":"WAV","in":0,"volume":1.0}]}],"d":2000}""", List.of(gif(), wav(3.0)));
        Path mp4 = write(out, "late.mp4");
        AudioProbe.Streams streams = AudioProbe.streams(mp4);
        assertThat(streams.audioSeconds()).isCloseTo(streams.videoSeconds(), within(TOLERANCE_SECONDS));
        // 0.5 s of a 0.354-RMS tone in 2 s: the mean power is a quarter, the RMS half.
        assertThat(AudioProbe.rms(mp4)).isCloseTo(0.354 / 2, within(0.03));
    }

    @Test
    void aLabelOnlyMusicSegmentKeepsTheVideoOnlyOutputAndSaysSo() throws IOException {
        RenderOutput out = render(draft(0.35, "\"label\":\"Lo-fi\","), List.of(gif()));
        AudioProbe.Streams streams = AudioProbe.streams(write(out, "video-only.mp4"));
        assertThat(streams.streams()).isEqualTo(1);
        assertThat(streams.audioCodec()).isNull();
        assertThat(notes(out)).anyMatch(n -> n.contains("background music is not mixed in"));
    }

    @Test
    void gifOutputIgnoresTheMusicWithANote() throws IOException {
        RenderOutput out = render(
                draft(0.35, "\"src\":\"WAV\",\"in\":0,").replace("\"d\":2000", "\"d\":2000,\"m\":{\"format\":\"gif\"}"),
                List.of(gif(), wav(3.0)));
        assertThat(out.mimeType()).isEqualTo("image/gif");
        assertThat(notes(out)).anyMatch(n -> n.contains("a GIF has no audio"));
    }

    @Test
    void undecodableMusicLeavesTheVideoAndSaysWhy() throws IOException {
        SourceMedia broken = new SourceMedia(
                WAV_URL, "tone.wav", "audio/wav", new byte[] {'R', 'I', 'F', 'F', 0, 0}, null, null, 1.0);
        RenderOutput out = render(draft(0.35, "\"src\":\"WAV\",\"in\":0,"), List.of(gif(), broken));
        AudioProbe.Streams streams = AudioProbe.streams(write(out, "broken.mp4"));
        assertThat(streams.streams()).isEqualTo(1);
        assertThat(notes(out)).anyMatch(n -> n.contains("background music 'tone.wav' is not mixed in"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> notes(RenderOutput out) {
        Map<String, Object> details = out.details();
        return (List<String>) details.getOrDefault("notes", List.of());
    }

    /** The test's Jackson tree as the SDK's JSON object. */
    private static JsonObject obj(JsonNode tree) {
        return tree == null ? null : (JsonObject) JsonValue.parse(tree.toString());
    }
}
