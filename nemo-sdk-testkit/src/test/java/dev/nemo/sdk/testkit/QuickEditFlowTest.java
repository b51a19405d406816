package dev.nemo.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The seed's quick-edit workflow over raw HTTP: upload, chat, state, export, CDN download. */
class QuickEditFlowTest {
    private NemoEmulator emulator;
    private Http http;

    @BeforeEach
    void start() {
        emulator = NemoEmulator.start(
                EmulatorOptions.builder().silentEdits(SilentEdits.NEVER).build());
        http = new Http(emulator).login("client-quick-edit");
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void uploadChatExportAndDownloadFromTheCdnWithoutCredentials() {
        String sid = http.newSession();
        byte[] gif = TestMedia.gif(640, 360, 10, 10, 20);

        JsonNode upload = Http.json(http.upload(sid, Http.Part.file("cat.gif", gif)));
        assertThat(upload.path("code").asInt()).isZero();
        JsonNode file = upload.path("data").path("files").get(0);
        assertThat(file.path("filename").asText()).isEqualTo("cat.gif");
        assertThat(file.path("file_type").asText()).isEqualTo("image");
        assertThat(file.path("width").asInt()).isEqualTo(640);
        assertThat(file.path("height").asInt()).isEqualTo(360);
        assertThat(file.path("duration").asDouble()).isEqualTo(0.4);
        assertThat(file.path("cdn_url").asText()).startsWith(emulator.cdnUrl() + "/");
        assertThat(upload.path("data").path("session_state_applied").asBoolean())
                .isTrue();

        HttpResponse<String> chat =
                http.chat(sid, "compress this GIF to under 500KB without losing too much quality", false);
        assertThat(chat.statusCode()).isEqualTo(200);
        assertThat(chat.headers().firstValue("content-type")).hasValue("text/event-stream");
        List<JsonNode> events = Http.events(chat.body());
        assertThat(events).hasSize(3);
        assertThat(events.get(0).at("/content/parts/0/functionCall/name").asText())
                .isEqualTo("edit_multitrack");
        assertThat(events.get(1)
                        .at("/content/parts/0/functionResponse/response/status")
                        .asText())
                .isEqualTo("ok");
        assertThat(events.get(1)
                        .at("/actions/stateDelta/draft/m/target_size_bytes")
                        .asLong())
                .isEqualTo(512_000);
        assertThat(events.get(2).at("/content/parts/0/text").asText()).contains("500 KB");
        assertThat(events).allSatisfy(e -> assertThat(e.path("author").asText()).isEqualTo("nemo_agent"));

        JsonNode state = Http.json(http.get("/api/state/nemo_agent/me/" + sid + "/latest"))
                .path("data")
                .path("state");
        JsonNode draft = state.path("draft");
        assertThat(draft.path("m").path("target_size_bytes").asLong()).isEqualTo(512_000);
        assertThat(draft.path("m").path("quality").asText()).isEqualTo("high");
        assertThat(draft.path("t").get(0).path("tt").asInt()).isZero();
        assertThat(draft.path("d").asLong()).isEqualTo(400);
        assertThat(state.path("video_infos")).hasSize(1);
        assertThat(state.path("canvas_config").path("aspect_ratio").asText()).isEqualTo("16:9");

        String submit = Http.JSON
                .createObjectNode()
                .put("id", "render_1")
                .put("sessionId", sid)
                .<com.fasterxml.jackson.databind.node.ObjectNode>set("draft", draft)
                .toString();
        JsonNode submitted = Http.json(http.post("/api/render/proxy/lambda", submit));
        assertThat(submitted.path("success").asBoolean()).isTrue();
        assertThat(submitted.at("/data/status").asText()).isEqualTo("pending");
        assertThat(submitted.at("/data/renderer").asText()).isEqualTo("passthrough");

        JsonNode first =
                Http.json(http.get("/api/render/proxy/lambda/render_1")).path("data");
        assertThat(first.path("status").asText()).isEqualTo("processing");
        JsonNode second =
                Http.json(http.get("/api/render/proxy/lambda/render_1")).path("data");
        assertThat(second.path("status").asText()).isEqualTo("completed");
        assertThat(second.path("progress").asInt()).isEqualTo(100);
        assertThat(second.path("converted").asBoolean()).isFalse();
        assertThat(second.path("note").asText()).contains("passthrough");
        String url = second.path("outputUrl").asText();
        assertThat(url).startsWith(emulator.cdnUrl() + "/render-result/render_1.gif");

        Http anonymous = new Http(emulator);
        anonymous.attribution = false;
        HttpResponse<byte[]> download = anonymous.getBytes(url);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(gif);
        assertThat(emulator.cdnRequests())
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.hasHeader("Authorization")).isFalse());
    }
}
