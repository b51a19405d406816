package dev.nemo.sdk.testkit.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.testing.TestTokens;
import dev.nemo.sdk.testing.WireMockSupport;
import java.nio.file.Path;
import java.util.Map;

/**
 * The contract scenarios against WireMock stubs written from {@code docs/api-contract.md} (response
 * shapes of §3) and {@code docs/draft-model.md}, not from the emulator's output.
 */
class WireMockContractTest extends ContractScenarios {
    private static final String SID = "5529798706024415232";
    private static final String TASK = "task_contract";
    private static final String USER = "anon_abc123";
    private WireMockServer api;
    private WireMockServer cdn;

    @Override
    NemoClient.Builder start(Path configDir) {
        api = WireMockSupport.startWithJournal();
        cdn = WireMockSupport.startWithJournal();
        api.stubFor(post("/api/auth/anonymous-token")
                .withHeader("X-Client-Id", equalTo(CLIENT_ID))
                .willReturn(okJson("{\"code\":0,\"data\":{\"token\":\"" + TestTokens.ANON_1 + "\",\"user_id\":\"" + USER
                        + "\",\"expires_at\":\"2026-12-02T12:00:00Z\",\"credits\":100}}")));
        api.stubFor(get("/api/credits/balance/simple")
                .willReturn(okJson("{\"code\":0,\"data\":{\"available\":100,\"frozen\":0,\"total\":100}}")));
        api.stubFor(post("/api/tasks/me/with-session/nemo_agent")
                .willReturn(okJson("{\"code\":0,\"data\":{\"task_id\":\"" + TASK + "\",\"session_id\":\"" + SID
                        + "\",\"user_id\":\"" + USER + "\"}}")));
        String cdnFile = cdn.baseUrl() + "/media/" + SID + "/media_1/cat.gif";
        api.stubFor(post(urlPathMatching("/api/upload-video/nemo_agent/me/" + SID))
                .willReturn(okJson(
                        "{\"code\":0,\"data\":{\"files\":[{\"filename\":\"cat.gif\",\"file_type\":\"image\",\"cdn_url\":\""
                                + cdnFile
                                + "\",\"duration\":1.0,\"width\":640,\"height\":360,\"fps\":5,\"hash\":\"abc123\"}],"
                                + "\"session_state_applied\":true}}")));
        String draft = "{\"t\":[{\"tt\":0,\"sg\":[{\"start\":0,\"duration\":1000,\"label\":\"cat.gif\",\"src\":\""
                + cdnFile + "\"}]}],\"d\":1000,\"m\":{\"title\":\"project\",\"width\":640,\"height\":360}}";
        String titled = draft.replace(
                "]}],\"d\"",
                "]},{\"tt\":7,\"sg\":[{\"start\":0,\"duration\":1000," + "\"text\":\"Urban Dreams\"}]}],\"d\"");
        api.stubFor(get("/api/state/nemo_agent/me/" + SID + "/latest")
                .inScenario("chat")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(state(draft))));
        api.stubFor(get("/api/state/nemo_agent/me/" + SID + "/latest")
                .inScenario("chat")
                .whenScenarioStateIs("edited")
                .willReturn(okJson(state(titled))));
        api.stubFor(get(urlPathMatching("/api/state/nemo_agent/me/1234567890123456789/latest"))
                .willReturn(okJson("{\"code\":1002,\"message\":\"Session not found\",\"data\":null}")));
        api.stubFor(post("/run_sse")
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("Urban"))
                .inScenario("chat")
                .willSetStateTo("edited")
                .willReturn(sse(event(
                                "{\"functionCall\":{\"id\":\"adk-1\",\"args\":{\"instruction\":\"add a title\"},"
                                        + "\"name\":\"edit_multitrack\"}}",
                                "model")
                        + event(
                                "{\"functionResponse\":{\"id\":\"adk-1\",\"name\":\"edit_multitrack\","
                                        + "\"response\":{\"status\":\"ok\"}}}",
                                "user")
                        + "data:{\"id\":\"e3\",\"invocationId\":\"e-1\",\"author\":\"nemo_agent\",\"content\":{\"parts\":[],"
                        + "\"role\":\"model\"},\"actions\":{\"stateDelta\":{}},\"timestamp\":1795559949592}\n\n")));
        api.stubFor(post("/run_sse")
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("what can"))
                .willReturn(sse(event("{\"text\":\"I can compress and convert your GIFs.\"}", "model"))));
        api.stubFor(post("/api/render/proxy/lambda")
                .willReturn(okJson(
                        "{\"success\":true,\"data\":{\"id\":\"render_x\",\"status\":\"pending\",\"progress\":5}}")));
        api.stubFor(get(urlPathMatching("/api/render/proxy/lambda/[^/]+"))
                .inScenario("render")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("done")
                .willReturn(okJson(
                        "{\"success\":true,\"data\":{\"id\":\"render_x\",\"status\":\"processing\",\"progress\":50,"
                                + "\"createdAt\":1773423613616}}")));
        api.stubFor(get(urlPathMatching("/api/render/proxy/lambda/[^/]+"))
                .inScenario("render")
                .whenScenarioStateIs("done")
                .willReturn(okJson(
                        "{\"success\":true,\"data\":{\"id\":\"render_x\",\"status\":\"completed\",\"progress\":100,"
                                + "\"outputUrl\":\"" + cdn.baseUrl() + "/render-result/render_x.gif\","
                                + "\"createdAt\":1773423613616,\"completedAt\":1773423641222}}")));
        cdn.stubFor(get("/render-result/render_x.gif")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "image/gif")
                        .withBody(GIF)));
        return WireMockSupport.client(api, time, configDir)
                .clientId(CLIENT_ID)
                .credentials(dev.nemo.sdk.auth.Credentials.anonymous())
                .environment(Map.of());
    }

    private static String state(String draft) {
        return "{\"code\":0,\"data\":{\"session_id\":\"" + SID + "\",\"task_id\":\"" + TASK
                + "\",\"task_name\":\"project\","
                + "\"state\":{\"video_infos\":[{\"filename\":\"cat.gif\"}],\"draft\":" + draft
                + ",\"canvas_config\":{\"width\":640,\"height\":360,\"aspect_ratio\":\"16:9\"}}}}";
    }

    private static String event(String part, String role) {
        return "data:{\"id\":\"e\",\"invocationId\":\"e-1\",\"author\":\"nemo_agent\",\"content\":{\"parts\":[" + part
                + "],\"role\":\"" + role + "\"},\"actions\":{\"stateDelta\":{}},\"timestamp\":1795559949543}\n\n";
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder sse(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withBody(body);
    }

    @Override
    void stopBackend() {
        api.stop();
        cdn.stop();
    }

    @Override
    String sessionWithMedia() {
        return SID;
    }

    @Override
    void outOfCredits() {
        api.stubFor(post("/run_sse")
                .atPriority(1)
                .willReturn(okJson("{\"code\":2001,\"message\":\"Insufficient credits\",\"data\":null}")));
    }

    @Override
    boolean cdnSawAuthorization() {
        return cdn.getAllServeEvents().isEmpty()
                || cdn.getAllServeEvents().stream().anyMatch(e -> e.getRequest().containsHeader("Authorization"));
    }
}
