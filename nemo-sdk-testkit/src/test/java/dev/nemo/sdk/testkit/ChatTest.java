package dev.nemo.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nemo.sdk.testkit.internal.JsonBridge;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code POST /run_sse}: ADK event shapes, the rule-based agent, credits, silent edits, dialects. */
class ChatTest {
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
    private NemoEmulator emulator;

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    private Http session(EmulatorOptions.Builder options) {
        emulator = NemoEmulator.start(options.clock(FIXED).build());
        return new Http(emulator).login("chat-client");
    }

    private static String upload(Http http) {
        String sid = http.newSession();
        http.upload(sid, Http.Part.file("clip.gif", TestMedia.gif(1280, 720, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10)));
        return sid;
    }

    @Test
    void anEditStreamsToolCallToolResultAndTextLikeAdk() {
        Http http = session(EmulatorOptions.builder().silentEdits(SilentEdits.NEVER));
        String sid = upload(http);

        HttpResponse<String> r = http.chat(sid, "add a title 'Urban Dreams'", false);

        assertThat(r.headers().firstValue("content-type")).hasValue("text/event-stream");
        assertThat(r.body()).startsWith("data:{").doesNotContain("data: ").endsWith("}\n\n");
        List<JsonNode> events = Http.events(r.body());
        assertThat(events).hasSize(3);
        JsonNode call = events.get(0);
        JsonNode result = events.get(1);
        JsonNode text = events.get(2);
        assertThat(call.at("/content/role").asText()).isEqualTo("model");
        assertThat(call.at("/content/parts/0/functionCall/args/instruction").asText())
                .isEqualTo("add a title 'Urban Dreams'");
        assertThat(result.at("/content/role").asText()).isEqualTo("user");
        assertThat(result.at("/content/parts/0/functionResponse/id").asText())
                .isEqualTo(call.at("/content/parts/0/functionCall/id").asText())
                .startsWith("adk-");
        assertThat(result.at("/actions/stateDelta/draft/t/1/tt").asInt()).isEqualTo(7);
        assertThat(text.at("/content/parts/0/text").asText())
                .isEqualTo(
                        "Done: added the title 'Urban Dreams' (0-1s). Click the Export button when you are ready to render.");
        assertThat(text.path("finishReason").asText()).isEqualTo("STOP");
        assertThat(text.has("partial")).isFalse();
        for (JsonNode e : events) {
            assertThat(e.path("author").asText()).isEqualTo("nemo_agent");
            assertThat(e.path("invocationId").asText())
                    .isEqualTo(call.path("invocationId").asText())
                    .startsWith("e-");
            assertThat(e.path("id").asText()).matches("[0-9a-f-]{36}");
            assertThat(e.path("timestamp").asLong()).isEqualTo(FIXED.millis());
            assertThat(e.path("actions").fieldNames())
                    .toIterable()
                    .containsExactly(
                            "stateDelta", "artifactDelta", "requestedAuthConfigs", "requestedToolConfirmations");
        }
        JsonNode title = JsonBridge.toJackson(emulator.draft(sid).orElseThrow())
                .path("t")
                .get(1)
                .path("sg")
                .get(0);
        assertThat(title.path("text").asText()).isEqualTo("Urban Dreams");
        assertThat(title.path("start").asLong()).isZero();
        assertThat(title.path("duration").asLong()).isEqualTo(1000);
        assertThat(emulator.session(sid).orElseThrow().edits()).isEqualTo(1);
    }

    @Test
    void streamingSendsPartialChunksThenTheAggregate() {
        Http http = session(EmulatorOptions.builder().silentEdits(SilentEdits.NEVER));
        String sid = upload(http);

        List<JsonNode> events = Http.events(http.chat(sid, "add BGM", true).body());

        List<JsonNode> partials =
                events.stream().filter(e -> e.path("partial").asBoolean()).collect(Collectors.toList());
        assertThat(partials).hasSizeGreaterThan(1);
        String joined = partials.stream()
                .map(e -> e.at("/content/parts/0/text").asText())
                .collect(Collectors.joining());
        JsonNode last = events.get(events.size() - 1);
        assertThat(last.has("partial")).isFalse();
        assertThat(last.at("/content/parts/0/text").asText())
                .isEqualTo(joined)
                .contains("background music (Lo-fi, 35%)");
    }

    @Test
    void aSilentEditEndsWithAnEmptyPartsEventButStillChangesTheDraft() {
        Http http = session(EmulatorOptions.builder().silentEdits(SilentEdits.ALWAYS));
        String sid = upload(http);

        List<JsonNode> events =
                Http.events(http.chat(sid, "trim to 0.5 seconds", false).body());

        assertThat(events).hasSize(3);
        assertThat(events.get(2).at("/content/parts")).isEmpty();
        assertThat(events.get(2).path("finishReason").asText()).isEqualTo("STOP");
        assertThat(JsonBridge.toJackson(emulator.draft(sid).orElseThrow())
                        .path("d")
                        .asLong())
                .isEqualTo(500);
    }

    @Test
    void aboutAThirdOfSeededEditsAreSilentAndTheSameSeedGivesTheSameStream() {
        Http http = session(EmulatorOptions.builder().seed(7));
        String sid = upload(http);
        emulator.setCredits(emulator.accounts().get(0).userId(), 10_000);
        StringBuilder first = new StringBuilder();
        int silent = 0;
        for (int i = 0; i < 30; i++) {
            String body = http.chat(sid, "add lo-fi BGM at volume " + (i + 1) + "%", false)
                    .body();
            first.append(body);
            List<JsonNode> events = Http.events(body);
            silent += events.get(events.size() - 1).at("/content/parts").isEmpty() ? 1 : 0;
        }
        assertThat(silent).isBetween(5, 17);
        String firstCdn = emulator.cdnUrl();

        emulator.close();
        Http again = session(EmulatorOptions.builder().seed(7));
        String sid2 = upload(again);
        emulator.setCredits(emulator.accounts().get(0).userId(), 10_000);
        StringBuilder second = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            second.append(again.chat(sid2, "add lo-fi BGM at volume " + (i + 1) + "%", false)
                    .body());
        }
        assertThat(sid2).isEqualTo(sid);
        assertThat(second.toString()
                        .replace(emulator.cdnUrl(), "<cdn>")
                        .equals(first.toString().replace(firstCdn, "<cdn>")))
                .as("same seed and requests, same bytes (but for the CDN port)")
                .isTrue();
    }

    @Test
    void theSeedsInstructionsEditTheDraftAndItsRenderSettings() {
        Http http = session(EmulatorOptions.builder().silentEdits(SilentEdits.NEVER));
        String sid = upload(http);

        http.chat(sid, "compress a 2MB animated GIF with 60 frames into a 720p MP4", false);
        JsonNode m = JsonBridge.toJackson(emulator.draft(sid).orElseThrow()).path("m");
        assertThat(m.path("format").asText()).isEqualTo("mp4");
        assertThat(m.path("width").asInt()).isEqualTo(1280);
        assertThat(m.path("height").asInt()).isEqualTo(720);
        assertThat(m.path("resolution").asText()).isEqualTo("720p");
        assertThat(m.has("target_size_bytes")).isFalse();

        http.chat(sid, "make it a GIF", false);
        assertThat(JsonBridge.toJackson(emulator.draft(sid).orElseThrow())
                        .at("/m/format")
                        .asText())
                .isEqualTo("gif");

        http.chat(sid, "add a title 'Hello' and add BGM", false);
        http.chat(sid, "remove the title", false);
        JsonNode draft = JsonBridge.toJackson(emulator.draft(sid).orElseThrow());
        assertThat(draft.path("t").findValuesAsText("tt")).containsExactly("0", "1");
        assertThat(draft.at("/t/1/sg/0/volume").asDouble()).isEqualTo(0.35);
    }

    @Test
    void chineseInstructionsGetChineseAnswers() {
        Http http = session(EmulatorOptions.builder().silentEdits(SilentEdits.NEVER));
        String sid = upload(http);

        List<JsonNode> events =
                Http.events(http.chat(sid, "把这个GIF压缩到500KB以内，然后添加标题“你好”", false).body());

        assertThat(events.get(2).at("/content/parts/0/text").asText())
                .startsWith("好的，")
                .contains("500 KB")
                .contains("你好");
        JsonNode draft = JsonBridge.toJackson(emulator.draft(sid).orElseThrow());
        assertThat(draft.at("/m/target_size_bytes").asLong()).isEqualTo(512_000);
        assertThat(draft.at("/t/1/sg/0/text").asText()).isEqualTo("你好");
    }

    @Test
    void questionsAndUnknownInstructionsGetAFreeHelpfulAnswer() {
        Http http = session(EmulatorOptions.builder());
        String sid = upload(http);

        List<JsonNode> help =
                Http.events(http.chat(sid, "make it look better", false).body());
        List<JsonNode> export =
                Http.events(http.chat(sid, "export it please", false).body());

        assertThat(help)
                .singleElement()
                .satisfies(e -> assertThat(e.at("/content/parts/0/text").asText())
                        .contains("compress this GIF to under 500KB")
                        .contains("trim to 5 seconds"));
        assertThat(export)
                .singleElement()
                .satisfies(
                        e -> assertThat(e.at("/content/parts/0/text").asText()).contains("Export button"));
        assertThat(emulator.accounts().get(0).available()).isEqualTo(100);
        assertThat(emulator.session(sid).orElseThrow().edits()).isZero();
    }

    @Test
    void editsBeforeAnyUploadAskForMediaAndCostNothing() {
        Http http = session(EmulatorOptions.builder());
        String sid = http.newSession();

        List<JsonNode> events =
                Http.events(http.chat(sid, "convert to 720p MP4", false).body());

        assertThat(events)
                .singleElement()
                .satisfies(
                        e -> assertThat(e.at("/content/parts/0/text").asText()).contains("upload"));
        assertThat(emulator.accounts().get(0).available()).isEqualTo(100);
    }

    @Test
    void editsCostCreditsAndAnEmptyBalanceIs2001BeforeTheStream() {
        Http http = session(EmulatorOptions.builder().creditsPerEdit(30));
        String sid = upload(http);
        http.chat(sid, "add BGM", false);
        assertThat(Http.json(http.get("/api/credits/balance/simple"))
                        .path("data")
                        .path("available")
                        .asLong())
                .isEqualTo(70);
        emulator.setCredits(emulator.accounts().get(0).userId(), 29);

        HttpResponse<String> refused = http.chat(sid, "add BGM", false);

        assertThat(refused.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(Http.json(refused).path("code").asInt()).isEqualTo(2001);
        assertThat(Http.json(refused).path("message").asText()).contains("30").contains("29");
        assertThat(emulator.session(sid).orElseThrow().edits()).isEqualTo(1);
    }

    @Test
    void anUnknownSessionIs1002AndABadBodyIs422() {
        Http http = session(EmulatorOptions.builder());
        assertThat(Http.json(http.chat("42", "hello", false)).path("code").asInt())
                .isEqualTo(1002);
        assertThat(http.post("/run_sse", "{\"session_id\":\"42\"}").statusCode())
                .isEqualTo(422);
        assertThat(http.post("/run_sse", "not json").statusCode()).isEqualTo(422);
        assertThat(http.post("/run_sse", "{\"app_name\":\"other\",\"session_id\":\"1\",\"new_message\":{\"parts\":[]}}")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void camelCaseBodiesAreAcceptedLikeAdkPython() {
        Http http = session(EmulatorOptions.builder().silentEdits(SilentEdits.NEVER));
        String sid = upload(http);
        String body = "{\"appName\":\"nemo_agent\",\"userId\":\"me\",\"sessionId\":\"" + sid
                + "\",\"newMessage\":{\"role\":\"user\",\"parts\":[{\"text\":\"add BGM\"}]}}";

        assertThat(Http.events(http.post("/run_sse", body).body())).hasSize(3);
    }

    @Test
    void thePythonDialectFramesWithASpaceAndSecondsTimestamps() {
        Http http = session(
                EmulatorOptions.builder().sseDialect(SseDialect.ADK_PYTHON).silentEdits(SilentEdits.NEVER));
        String sid = upload(http);

        String body = http.chat(sid, "add BGM", false).body();

        assertThat(body).startsWith("data: {");
        List<JsonNode> events = Http.events(body);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.path("id").asText()).matches("[A-Za-z0-9]{8}");
            assertThat(e.path("timestamp").isFloatingPointNumber()).isTrue();
            assertThat(e.path("timestamp").asDouble()).isEqualTo(FIXED.millis() / 1000.0);
        });
    }
}
