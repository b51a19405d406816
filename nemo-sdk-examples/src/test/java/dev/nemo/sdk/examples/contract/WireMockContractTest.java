package dev.nemo.sdk.examples.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.auth.Credentials;
import dev.nemo.sdk.testing.TestTokens;
import dev.nemo.sdk.testing.VirtualTime;
import dev.nemo.sdk.testing.WireMockSupport;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The contract scenarios against WireMock stubs written from {@code docs/api-contract.md}, not
 * from the emulator: the envelopes and values of its examples (§3.1–§3.9, render poll form A),
 * and its rules as request matchers. A request the contract does not allow (no bearer token, no
 * attribution, no {@code X-Client-Id} on the token call, a chat body that is not the documented
 * one, credentials sent to the CDN) matches no stub and fails the scenario with a 404.
 */
class WireMockContractTest extends ContractScenarios {
    private static final String SESSION = "5529798706024415232";
    private static final String USER = "anon_c0ntract42";
    private static final String EXPIRES = "2026-12-02T12:00:00Z";
    private static final String SSE = "text/event-stream";

    private WireMockServer api;
    private WireMockServer cdn;

    @Override
    protected void startServer(VirtualTime time) {
        api = WireMockSupport.startWithJournal();
        cdn = WireMockSupport.startWithJournal();
        String media = cdn.baseUrl() + "/videos/" + SESSION + "/cat.gif";

        // §3.1: X-Client-Id required, no Authorization; 100 credits for 7 days
        api.stubFor(post("/api/auth/anonymous-token")
                .withHeader("X-Client-Id", matching("[\\x21-\\x7e]{1,64}"))
                .withHeader("Authorization", absent())
                .inScenario("token")
                .whenScenarioStateIs(STARTED)
                .willSetStateTo("renewed")
                .willReturn(okJson(token(TestTokens.ANON_1))));
        api.stubFor(post("/api/auth/anonymous-token")
                .withHeader("X-Client-Id", matching("[\\x21-\\x7e]{1,64}"))
                .withHeader("Authorization", absent())
                .inScenario("token")
                .whenScenarioStateIs("renewed")
                .willReturn(okJson(token(TestTokens.ANON_2))));

        // §3.6
        api.stubFor(authenticated(get("/api/credits/balance/simple"))
                .willReturn(okJson("{\"code\":0,\"data\":{\"available\":100,\"frozen\":0,\"total\":100}}")));

        // §3.2
        api.stubFor(authenticated(post("/api/tasks/me/with-session/nemo_agent"))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(matchingJsonPath("$.task_name"))
                .willReturn(okJson("{\"code\":0,\"data\":{\"task_id\":\"task_c0ntract\",\"session_id\":\"" + SESSION
                        + "\",\"user_id\":\"" + USER + "\"}}")));

        // §3.5, multipart form field "files"
        api.stubFor(authenticated(post("/api/upload-video/nemo_agent/me/" + SESSION))
                .withMultipartRequestBody(aMultipart().withName("files"))
                .inScenario("session")
                .whenScenarioStateIs(STARTED)
                .willSetStateTo("uploaded")
                .willReturn(okJson("{\"code\":0,\"data\":{\"files\":[{\"filename\":\"cat.gif\",\"file_type\":\"image\","
                        + "\"cdn_url\":\"" + media + "\",\"duration\":0.4,\"width\":640,\"height\":360,\"fps\":7.5,"
                        + "\"hash\":\"abc123\"}],\"session_state_applied\":true}}")));

        // §3.7: the state before the upload, after it, and after the edit
        String draft = "{\"t\":[{\"tt\":0,\"sg\":[{\"start\":0,\"duration\":400,\"label\":\"cat.gif\",\"src\":\""
                + media + "\"}]}],\"d\":400,\"m\":{\"title\":\"project\",\"width\":640,\"height\":360%s}}";
        String infos = "[{\"filename\":\"cat.gif\",\"file_type\":\"image\",\"cdn_url\":\"" + media + "\"}]";
        stubState(STARTED, "[]", "{}");
        stubState("uploaded", infos, String.format(Locale.ROOT, draft, ""));
        stubState(
                "edited",
                infos,
                String.format(Locale.ROOT, draft, ",\"target_size_bytes\":512000,\"quality\":\"high\""));

        // §3.4 and §7: the documented body, ADK events (functionCall, functionResponse, text), end by close
        api.stubFor(authenticated(post("/run_sse"))
                .withHeader("Accept", containing(SSE))
                .withRequestBody(matchingJsonPath("$.app_name", equalTo("nemo_agent")))
                .withRequestBody(matchingJsonPath("$.user_id", equalTo("me")))
                .withRequestBody(matchingJsonPath("$.session_id", equalTo(SESSION)))
                .withRequestBody(matchingJsonPath("$.new_message.parts[0].text"))
                .inScenario("session")
                .whenScenarioStateIs("uploaded")
                .willSetStateTo("edited")
                .willReturn(ok().withHeader("Content-Type", SSE).withBody(adkEvents())));

        // §3.8: submit; the answer's id is the client's own
        api.stubFor(authenticated(post(urlPathEqualTo("/api/render/proxy/lambda")))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(matchingJsonPath("$.id", matching("[A-Za-z0-9._:-]{1,128}")))
                .withRequestBody(matchingJsonPath("$.sessionId", equalTo(SESSION)))
                .withRequestBody(matchingJsonPath("$.draft.t[0].sg[0]"))
                .inScenario("render")
                .whenScenarioStateIs(STARTED)
                .willSetStateTo("submitted")
                .willReturn(okJson("{\"success\":true,\"data\":{\"id\":\"{{jsonPath request.body '$.id'}}\","
                                + "\"status\":\"pending\",\"progress\":5}}")
                        .withTransformers("response-template")));

        // §3.9 form A: pending -> processing -> completed, with the output on the CDN
        stubPoll("submitted", "processing", "\"status\":\"processing\",\"progress\":50");
        String completed = "\"status\":\"completed\",\"progress\":100,\"outputUrl\":\"" + cdn.baseUrl()
                + "/render-result/{{request.pathSegments.[4]}}.gif\",\"createdAt\":1795584000000,"
                + "\"completedAt\":1795584060000";
        stubPoll("processing", "completed", completed);
        stubPoll("completed", "completed", completed);

        // the CDN: a plain GET, never the API's credentials or attribution
        cdn.stubFor(get(urlPathMatching("/(render-result|videos)/.+"))
                .withHeader("Authorization", absent())
                .withHeader("X-Skill-Source", absent())
                .willReturn(ok().withHeader("Content-Type", "image/gif").withBody(GIF)));
    }

    @Override
    protected void stopServer() {
        if (api != null) {
            api.stop();
        }
        if (cdn != null) {
            cdn.stop();
        }
    }

    @Override
    protected NemoClient.Builder clientBuilder(Path configDirectory) {
        return WireMockSupport.client(api, time, configDirectory).credentials(Credentials.anonymous());
    }

    @Override
    protected void arrangeOutOfCredits(String userId) {
        // §2.3: code 2001 in the body, before the stream
        api.stubFor(authenticated(post("/run_sse"))
                .atPriority(1)
                .willReturn(okJson("{\"code\":2001,\"message\":\"Insufficient credits\"}")));
    }

    @Override
    protected void arrangeTokenExpiresOnNextCall() {
        // §2.3: code 1001 for the token issued first; the renewed one works
        api.stubFor(any(anyUrl())
                .atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + TestTokens.ANON_1))
                .willReturn(okJson("{\"code\":1001,\"message\":\"Token invalid or expired\"}")));
    }

    /** API requests in arrival order, then CDN requests in arrival order (the scenarios never compare the two). */
    @Override
    protected List<Seen> requests() {
        List<Seen> all = new ArrayList<>();
        for (WireMockServer server : List.of(api, cdn)) {
            List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
            Collections.reverse(events); // the journal lists the newest first
            for (ServeEvent e : events) {
                Map<String, String> headers = new LinkedHashMap<>();
                for (HttpHeader h : e.getRequest().getHeaders().all()) {
                    headers.put(h.key().toLowerCase(Locale.ROOT), h.firstValue());
                }
                all.add(new Seen(
                        e.getRequest().getMethod().getName(),
                        URI.create(e.getRequest().getUrl()).getPath(),
                        headers,
                        e.getRequest().getBodyAsString(),
                        server == cdn));
            }
        }
        return all;
    }

    /** Every call but the token call: a bearer token and the three attribution headers (§2.1). */
    private static MappingBuilder authenticated(MappingBuilder b) {
        return b.withHeader("Authorization", matching("Bearer nmv_usr_\\S+"))
                .withHeader("X-Skill-Source", matching(".+"))
                .withHeader("X-Skill-Version", matching(".+"))
                .withHeader("X-Skill-Platform", matching(".+"));
    }

    private void stubState(String state, String videoInfos, String draft) {
        api.stubFor(authenticated(get("/api/state/nemo_agent/me/" + SESSION + "/latest"))
                .inScenario("session")
                .whenScenarioStateIs(state)
                .willReturn(okJson("{\"code\":0,\"data\":{\"session_id\":\"" + SESSION
                        + "\",\"task_id\":\"task_c0ntract\","
                        + "\"task_name\":\"project\",\"state\":{\"video_infos\":" + videoInfos + ",\"draft\":" + draft
                        + ",\"canvas_config\":{\"width\":640,\"height\":360,\"aspect_ratio\":\"16:9\"},"
                        + "\"generated_media\":[]}}}")));
    }

    private void stubPoll(String state, String next, String fields) {
        api.stubFor(authenticated(get(urlPathMatching("/api/render/proxy/lambda/[^/]+")))
                .inScenario("render")
                .whenScenarioStateIs(state)
                .willSetStateTo(next)
                .willReturn(
                        okJson("{\"success\":true,\"data\":{\"id\":\"{{request.pathSegments.[4]}}\"," + fields + "}}")
                                .withTransformers("response-template")));
    }

    private static String token(String token) {
        return "{\"code\":0,\"data\":{\"token\":\"" + token + "\",\"user_id\":\"" + USER + "\",\"expires_at\":\""
                + EXPIRES + "\",\"credits\":100}}";
    }

    /** Three ADK-Java events, framed as the recordings are: {@code data:} + compact JSON + a blank line. */
    private static String adkEvents() {
        String actions = "\"actions\":{\"stateDelta\":{},\"artifactDelta\":{},\"requestedAuthConfigs\":{},"
                + "\"requestedToolConfirmations\":{}}";
        return "data:{\"id\":\"e1\",\"invocationId\":\"e-1\",\"author\":\"nemo_agent\",\"content\":{\"parts\":[{\"functionCall\":"
                + "{\"id\":\"adk-1\",\"args\":{\"instruction\":\"compress to 500KB\"},\"name\":\"edit_multitrack\"}}],"
                + "\"role\":\"model\"}," + actions + ",\"finishReason\":\"STOP\",\"timestamp\":1795584975242}\n\n"
                + "data:{\"id\":\"e2\",\"invocationId\":\"e-1\",\"author\":\"nemo_agent\",\"content\":{\"parts\":[{"
                + "\"functionResponse\":{\"id\":\"adk-1\",\"name\":\"edit_multitrack\",\"response\":{\"status\":\"ok\"}}}],"
                + "\"role\":\"user\"}," + actions + ",\"timestamp\":1795584975252}\n\n"
                + "data:{\"id\":\"e3\",\"invocationId\":\"e-1\",\"author\":\"nemo_agent\",\"content\":{\"parts\":[{\"text\":"
                + "\"Done: compressed to under 500 KB.\"}],\"role\":\"model\"}," + actions
                + ",\"finishReason\":\"STOP\",\"timestamp\":1795584975258}\n\n";
    }
}
