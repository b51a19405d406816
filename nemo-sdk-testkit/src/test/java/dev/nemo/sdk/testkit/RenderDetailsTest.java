package dev.nemo.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A renderer's details (quality, sizes) reach the render status under {@code details}. */
class RenderDetailsTest {
    private NemoEmulator emulator;
    private Http http;

    @BeforeEach
    void start() {
        Renderer withDetails = new Renderer() {
            @Override
            public String name() {
                return "measuring";
            }

            @Override
            public RenderOutput render(RenderInput request) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("inputBytes", request.primarySource().orElseThrow().size());
                details.put("ssim", 0.962);
                details.put("attempts", 3);
                return RenderOutput.of(new byte[] {1, 2, 3}, "video/mp4", "mp4").withDetails(details);
            }
        };
        emulator = NemoEmulator.start(EmulatorOptions.builder()
                .silentEdits(SilentEdits.NEVER)
                .renderer(withDetails)
                .renderPacing(RenderPacing.afterPolls(1))
                .build());
        http = new Http(emulator).login("client-details");
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void detailsAreReportedInTheCompletedStatus() {
        String sid = http.newSession();
        byte[] gif = TestMedia.gif(64, 36, 2, 10, 20);
        Http.json(http.upload(sid, Http.Part.file("cat.gif", gif)));
        JsonNode draft = Http.json(http.get("/api/state/nemo_agent/me/" + sid + "/latest"))
                .at("/data/state/draft");
        String submit = Http.JSON
                .createObjectNode()
                .put("id", "render_d")
                .put("sessionId", sid)
                .<com.fasterxml.jackson.databind.node.ObjectNode>set("draft", draft)
                .toString();
        Http.json(http.post("/api/render/proxy/lambda", submit));

        JsonNode done = Http.json(http.get("/api/render/proxy/lambda/render_d")).path("data");
        assertThat(done.path("status").asText()).isEqualTo("completed");
        assertThat(done.path("renderer").asText()).isEqualTo("measuring");
        assertThat(done.path("converted").asBoolean()).isTrue();
        assertThat(done.at("/details/inputBytes").asLong()).isEqualTo(gif.length);
        assertThat(done.at("/details/ssim").asDouble()).isEqualTo(0.962);
        assertThat(done.at("/details/attempts").asInt()).isEqualTo(3);
    }
}
