package dev.nemo.sdk.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.sdk.draft.Draft;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DraftEditorTest {

    private static Draft draftOf(String json) {
        return Draft.parse(json.replace('\'', '"'));
    }

    private static ObjectNode parse(String json) throws IOException {
        return (ObjectNode) EmulatorJson.parse(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void trimClipsSegmentsShiftsThemAndKeepsUnknownFields() throws IOException {
        ObjectNode draft = parse(
                "{'t':[{'tt':0,'x':1,'sg':[{'id':'seg_1','start':0,'duration':4000,'media_id':'m1','in':0,'fx':'blur'},"
                        + "{'id':'seg_2','start':4000,'duration':4000,'media_id':'m2','in':0}]},"
                        + "{'tt':7,'sg':[{'id':'seg_3','start':0,'duration':3000,'text':'Hi'}]}],'d':8000,'m':{'title':'p'},'extra':true}");
        DraftEditor editor = new DraftEditor(Draft.parse(draft.toString()), EmulatorJson.object());

        DraftEditor.Change change = editor.apply(new EditOp.Trim(2000, 3000));
        draft = JsonBridge.toJackson(editor.draft().toJson());

        assertThat(change.changed()).isTrue();
        assertThat(change.en()).isEqualTo("kept 2s–5s");
        assertThat(draft.path("d").asLong()).isEqualTo(3000);
        JsonNode video = draft.path("t").get(0).path("sg");
        assertThat(video).hasSize(2);
        assertThat(video.get(0).path("start").asLong()).isZero();
        assertThat(video.get(0).path("duration").asLong()).isEqualTo(2000);
        assertThat(video.get(0).path("in").asLong()).isEqualTo(2000);
        assertThat(video.get(0).path("fx").asText()).isEqualTo("blur");
        assertThat(video.get(1).path("start").asLong()).isEqualTo(2000);
        assertThat(video.get(1).path("duration").asLong()).isEqualTo(1000);
        assertThat(draft.path("t").get(1).path("sg").get(0).path("duration").asLong())
                .isEqualTo(1000);
        assertThat(draft.path("t").get(0).path("x").asInt()).isEqualTo(1);
        assertThat(draft.path("extra").asBoolean()).isTrue();
    }

    @Test
    void titlesAndMusic() throws IOException {
        DraftEditor editor = new DraftEditor(
                draftOf("{'t':[{'tt':0,'sg':[{'id':'seg_1','start':0,'duration':10000}]}],'d':10000}"),
                EmulatorJson.object());

        assertThat(editor.apply(new EditOp.SetTitle("Urban Dreams")).en())
                .isEqualTo("added the title 'Urban Dreams' (0-3s)");
        assertThat(editor.apply(new EditOp.SetTitle("Night")).en()).isEqualTo("changed the title to 'Night'");
        assertThat(editor.apply(new EditOp.AddMusic("Lo-fi", 0.35)).en())
                .isEqualTo("added background music (Lo-fi, 35%)");
        assertThat(editor.apply(new EditOp.SetVolume(0.5)).changed()).isTrue();

        ObjectNode draft = JsonBridge.toJackson(editor.draft().toJson());
        assertThat(draft.path("t").findValuesAsText("tt")).containsExactly("0", "7", "1");
        assertThat(draft.at("/t/1/sg/0/text").asText()).isEqualTo("Night");
        assertThat(draft.at("/t/1/sg/0/id").asText()).isEqualTo("seg_2");
        assertThat(draft.at("/t/2/sg/0/volume").asDouble()).isEqualTo(0.5);
        assertThat(draft.at("/t/2/sg/0/duration").asLong()).isEqualTo(10000);

        assertThat(editor.apply(new EditOp.RemoveTitle()).changed()).isTrue();
        assertThat(editor.apply(new EditOp.RemoveTitle()).changed()).isFalse();
        assertThat(editor.apply(new EditOp.RemoveMusic()).changed()).isTrue();
        assertThat(editor.apply(new EditOp.SetVolume(0.1)).changed()).isFalse();
        assertThat(editor.draft().tracks()).hasSize(1);
    }

    @Test
    void renderSettingsGoIntoTheMetadata() throws IOException {
        ObjectNode canvas = parse("{'width':480,'height':640}");
        DraftEditor editor =
                new DraftEditor(draftOf("{'t':[{'tt':0,'sg':[{'start':0,'duration':1000}]}],'d':1000}"), canvas);

        editor.apply(new EditOp.Resize("720p", 720, 0, 0));
        editor.apply(new EditOp.Compress(512_000L, "high"));
        editor.apply(new EditOp.Convert("gif"));
        editor.apply(new EditOp.SetFps(15));

        JsonNode m = JsonBridge.toJackson(editor.draft().toJson()).path("m");
        assertThat(m.path("width").asInt()).isEqualTo(720);
        assertThat(m.path("height").asInt()).isEqualTo(960);
        assertThat(m.path("resolution").asText()).isEqualTo("720p");
        assertThat(m.path("target_size_bytes").asLong()).isEqualTo(512_000);
        assertThat(m.path("quality").asText()).isEqualTo("high");
        assertThat(m.path("format").asText()).isEqualTo("gif");
        assertThat(m.path("fps").asInt()).isEqualTo(15);
        assertThat(canvas.path("aspect_ratio").asText()).isEqualTo("3:4");
    }

    @Test
    void aDraftOfTheWrongShapeIsRefusedUnchanged() throws IOException {
        Draft odd = draftOf("{'t':'not tracks','d':1000}");
        DraftEditor editor = new DraftEditor(odd, EmulatorJson.object());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> editor.apply(new EditOp.SetTitle("x")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(editor.draft()).isEqualTo(odd);
    }

    @Test
    void aboutAThirdOfSeededEditsAreSilentAndTheChoiceIsStable() {
        int silent = 0;
        for (int i = 0; i < 3000; i++) {
            if (Agent.silent(dev.nemo.sdk.testkit.SilentEdits.SEEDED, 42, "s" + (i % 17), i)) {
                silent++;
            }
        }
        assertThat(silent).isBetween(900, 1100);
        assertThat(Agent.silent(dev.nemo.sdk.testkit.SilentEdits.SEEDED, 42, "s", 5))
                .isEqualTo(Agent.silent(dev.nemo.sdk.testkit.SilentEdits.SEEDED, 42, "s", 5));
    }

    @Test
    void resizeSaysWhatTheRendererWillDoNeverAnUpscale() throws IOException {
        String json =
                "{'t':[{'tt':0,'sg':[{'id':'seg_1','start':0,'duration':10000}]}],'d':10000,'m':{'width':%d,'height':%d}}";
        DraftEditor small = new DraftEditor(
                Draft.of(JsonBridge.fromJackson(parse(String.format(json, 817, 565)))
                        .asObject()
                        .orElseThrow()),
                EmulatorJson.object().put("width", 817).put("height", 565));
        assertThat(small.apply(new EditOp.Resize("720p", 720, 0, 0)).en())
                .isEqualTo(
                        "kept the source's 817×565: it already fits 720p and is not upscaled (an MP4 has even sides: 816×564)")
                .doesNotContain("1042");
        DraftEditor large = new DraftEditor(
                Draft.of(JsonBridge.fromJackson(parse(String.format(json, 1920, 1080)))
                        .asObject()
                        .orElseThrow()),
                EmulatorJson.object().put("width", 1920).put("height", 1080));
        assertThat(large.apply(new EditOp.Resize("720p", 720, 0, 0)).en())
                .isEqualTo("set the resolution to 720p (fits within 1280×720)");
    }

    @Test
    void renderSettingsGoIntoTheMetadataTheRendererReads() throws IOException {
        ObjectNode canvas = EmulatorJson.object().put("width", 640).put("height", 360);
        DraftEditor editor = new DraftEditor(
                draftOf(
                        "{'t':[{'tt':0,'sg':[{'id':'seg_1','start':0,'duration':10000}]}],'d':10000,'m':{'width':640,'height':360}}"),
                canvas);

        assertThat(editor.apply(new EditOp.Resize("vertical", 0, 1080, 1920)).en())
                .isEqualTo("kept the source's 640×360: it already fits vertical and is not upscaled");
        assertThat(editor.apply(new EditOp.SetBackground("#ff8800")).en())
                .isEqualTo("set the background colour to #ff8800");
        editor.apply(new EditOp.Convert("gif"));
        editor.apply(new EditOp.SetFps(15));
        editor.apply(new EditOp.Compress(512_000L, "medium"));

        JsonNode m = JsonBridge.toJackson(editor.draft().toJson()).path("m");
        assertThat(m.path("width").asInt()).isEqualTo(1080);
        assertThat(m.path("height").asInt()).isEqualTo(1920);
        assertThat(m.path("resolution").asText()).isEqualTo("vertical");
        assertThat(m.path("background").asText()).isEqualTo("#ff8800");
        assertThat(m.path("format").asText()).isEqualTo("gif");
        assertThat(m.path("fps").asInt()).isEqualTo(15);
        assertThat(m.path("target_size_bytes").asLong()).isEqualTo(512_000L);
        assertThat(canvas.path("aspect_ratio").asText()).isEqualTo("9:16");
    }
}
