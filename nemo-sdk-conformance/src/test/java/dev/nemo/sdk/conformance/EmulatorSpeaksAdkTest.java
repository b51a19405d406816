package dev.nemo.sdk.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.adk.events.Event;
import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.testkit.EmulatorOptions;
import dev.nemo.sdk.testkit.Endpoint;
import dev.nemo.sdk.testkit.HeartbeatStyle;
import dev.nemo.sdk.testkit.NemoEmulator;
import dev.nemo.sdk.testkit.SilentEdits;
import dev.nemo.sdk.testkit.SseDialect;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code /run_sse} payload the testkit emulator writes is an ADK {@code Event} that
 * ADK-Java's own {@link Event#fromJson} reads without loss (re-serialised by ADK, the JSON is the
 * same), for all of the emulated agent's instructions in English and Chinese, edits with and
 * without text, both streaming modes, and every stream fault. The only other payloads are the
 * documented gateway and ADK-Python extras (heartbeats, {@code {"error": …}}).
 */
class EmulatorSpeaksAdkTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "nmv_usr_conformance_emulator";
    /** The emulated agent's instructions: every edit it understands and its text answers, in English and Chinese. */
    static final List<String> INSTRUCTIONS = List.of(
            "compress this GIF to under 500KB without losing too much quality",
            "convert to 720p MP4",
            "make it a GIF",
            "trim to 5 seconds",
            "add a title 'Urban Dreams'",
            "add BGM",
            "remove the title",
            "keep only the first 2.5 seconds",
            "cut it from 2s to 5s",
            "change the title to \"Don't stop\"",
            "add some upbeat background music at 50% volume",
            "set the music volume to 20%",
            "mute the music",
            "export as webm at 15 fps",
            "resize to 1080x1920",
            "make it smaller, under 2 MB",
            "black background",
            "what can you do?",
            "export",
            "把这个GIF压缩到500KB以内",
            "转换为720p的MP4",
            "转成GIF",
            "剪辑到5秒",
            "截取前3秒",
            "添加标题“城市之光”",
            "加字幕「你好」",
            "添加背景音乐",
            "删除标题",
            "去掉背景音乐",
            "压缩一下，保持画质",
            "你能做什么？",
            "导出");

    @TempDir
    Path dir;

    @Test
    void everyInstructionInBothModesWithAndWithoutText() throws Exception {
        int checked = 0;
        for (SilentEdits silent : List.of(SilentEdits.NEVER, SilentEdits.ALWAYS)) {
            try (NemoEmulator emulator = start(SseDialect.ADK_JAVA, silent)) {
                String sid = sessionWithMedia(emulator);
                for (String instruction : INSTRUCTIONS) {
                    for (boolean streaming : new boolean[] {true, false}) {
                        checked += assertAdkLossless(run(emulator, sid, instruction, streaming), false);
                    }
                }
                String empty = newSession(emulator);
                checked += assertAdkLossless(run(emulator, empty, "add a title 'No media yet'", false), false);
            }
        }
        assertThat(checked).as("ADK events checked").isGreaterThan(INSTRUCTIONS.size() * 4);
    }

    @Test
    void everyStreamFault() throws Exception {
        List<Consumer<NemoEmulator>> faults = new ArrayList<>();
        for (HeartbeatStyle style : HeartbeatStyle.values()) {
            faults.add(e -> e.faults().on(Endpoint.RUN_SSE).once().heartbeats(2, Duration.ofMillis(1), style));
        }
        faults.add(e -> e.faults().on(Endpoint.RUN_SSE).once().cutAfterEvents(1));
        faults.add(e -> e.faults().on(Endpoint.RUN_SSE).once().cutMidEvent(1));
        faults.add(e -> e.faults().on(Endpoint.RUN_SSE).once().streamError(1, "boom"));
        faults.add(e -> e.faults().on(Endpoint.RUN_SSE).once().modelError("SAFETY", "blocked by safety"));
        faults.add(e -> e.faults().on(Endpoint.RUN_SSE).once().trailingText("I encountered a temporary issue"));
        int checked = 0;
        try (NemoEmulator emulator = start(SseDialect.ADK_JAVA, SilentEdits.NEVER)) {
            String sid = sessionWithMedia(emulator);
            for (Consumer<NemoEmulator> fault : faults) {
                fault.accept(emulator);
                checked += assertAdkLossless(run(emulator, sid, "add BGM", true), false);
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(faults.size());
    }

    @Test
    void pythonDialectDiffersFromAdkJavaOnlyInTheTimestampsUnit() throws Exception {
        int checked = 0;
        try (NemoEmulator emulator = start(SseDialect.ADK_PYTHON, SilentEdits.SEEDED)) {
            String sid = sessionWithMedia(emulator);
            for (String instruction : INSTRUCTIONS) {
                checked += assertAdkLossless(run(emulator, sid, instruction, true), true);
            }
        }
        assertThat(checked).isGreaterThan(INSTRUCTIONS.size());
    }

    /** @return how many ADK events were checked */
    private static int assertAdkLossless(byte[] body, boolean pythonTimestamps) throws IOException {
        int events = 0;
        for (String payload : AdkWire.dataPayloads(body)) {
            JsonNode sent = payload.isBlank() ? null : JSON.readTree(payload);
            if (sent == null || !isAdkEvent(sent)) {
                assertThat(sent == null || isGatewayExtra(sent))
                        .as("a known non-ADK payload: " + payload)
                        .isTrue();
                continue;
            }
            Event event = Event.fromJson(payload);
            JsonNode read = JSON.readTree(event.toJson());
            if (pythonTimestamps) {
                assertThat(read.get("timestamp").longValue())
                        .as("seconds, read as a whole number")
                        .isEqualTo(sent.get("timestamp").longValue());
                ((ObjectNode) read).remove("timestamp");
                sent = ((ObjectNode) sent).deepCopy();
                ((ObjectNode) sent).remove("timestamp");
            }
            assertThat(read).as("ADK-Java re-serialised " + payload).isEqualTo(sent);
            events++;
        }
        return events;
    }

    private static boolean isAdkEvent(JsonNode n) {
        return n.has("author") || n.has("content") || n.has("actions") || n.has("invocationId");
    }

    /** A gateway heartbeat or ADK-Python's in-stream error, which are not ADK-Java events. */
    private static boolean isGatewayExtra(JsonNode n) {
        return n.size() == 1
                && ("heartbeat".equals(n.path("type").asText())
                        || n.path("error").isTextual());
    }

    private static NemoEmulator start(SseDialect dialect, SilentEdits silent) {
        return NemoEmulator.start(EmulatorOptions.builder()
                .sseDialect(dialect)
                .silentEdits(silent)
                .staticToken(TOKEN, 1_000_000)
                .build());
    }

    private String newSession(NemoEmulator emulator) {
        try (NemoClient client = emulator.clientBuilder(dir).token(TOKEN).build()) {
            return client.sessions().create().sessionId();
        }
    }

    private String sessionWithMedia(NemoEmulator emulator) throws IOException {
        Path gif = Files.write(dir.resolve("dot.gif"), TINY_GIF);
        try (NemoClient client = emulator.clientBuilder(dir).token(TOKEN).build()) {
            String sid = client.sessions().create().sessionId();
            client.uploads().upload(sid, gif);
            return sid;
        }
    }

    /** The raw bytes of one {@code /run_sse}, up to the end or the cut. */
    private static byte[] run(NemoEmulator emulator, String sid, String message, boolean streaming) throws Exception {
        ObjectNode body = JSON.createObjectNode()
                .put("app_name", "nemo_agent")
                .put("user_id", "me")
                .put("session_id", sid);
        body.putObject("new_message").putArray("parts").addObject().put("text", message);
        body.put("streaming", streaming);
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/run_sse"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        try {
            HTTP.send(request, HttpResponse.BodyHandlers.ofByteArrayConsumer(c -> c.ifPresent(got::writeBytes)));
        } catch (IOException cut) {
            // a cut stream: what arrived is checked
        }
        return got.toByteArray();
    }

    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** A 1x1 GIF. */
    private static final byte[] TINY_GIF = {
        'G',
        'I',
        'F',
        '8',
        '9',
        'a',
        1,
        0,
        1,
        0,
        (byte) 0x80,
        0,
        0,
        (byte) 0xff,
        (byte) 0xff,
        (byte) 0xff,
        0,
        0,
        0,
        '!',
        (byte) 0xf9,
        4,
        0,
        10,
        0,
        0,
        0,
        ',',
        0,
        0,
        0,
        0,
        1,
        0,
        1,
        0,
        0,
        2,
        2,
        'D',
        1,
        0,
        ';'
    };
}
