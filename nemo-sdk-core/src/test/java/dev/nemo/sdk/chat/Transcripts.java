package dev.nemo.sdk.chat;

import dev.nemo.sdk.internal.json.Json;
import dev.nemo.sdk.internal.json.JsonValues;
import dev.nemo.sdk.json.JsonValue;
import dev.nemo.sdk.testing.TestResources;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The recorded and hand-written {@code /run_sse} bodies under {@code src/test/resources/transcripts}. */
public final class Transcripts {
    /** Every transcript (without the {@code .sse} suffix). */
    public static final List<String> NAMES = List.of(
            "adk-java-tool-text",
            "adk-java-silent",
            "adk-java-safety",
            "adk-python-error-tail",
            "adk-python-error-details",
            "gateway-extras",
            "mixed-line-endings");

    private Transcripts() {}

    /**
     * @param name transcript name
     * @return its bytes
     */
    public static byte[] bytes(String name) {
        return resource("/transcripts/" + name + ".sse");
    }

    /**
     * @param name transcript name
     * @return the expected event descriptions ({@link #describe})
     */
    public static List<String> expected(String name) {
        String text = new String(resource("/transcripts/" + name + ".events.txt"), StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                out.add(line);
            }
        }
        return out;
    }

    private static byte[] resource(String path) {
        try (InputStream in = Transcripts.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param events decoded events
     * @return one line per event
     */
    public static List<String> describe(List<ChatEvent> events) {
        List<String> out = new ArrayList<>();
        for (ChatEvent e : events) {
            out.add(describe(e));
        }
        return out;
    }

    /**
     * @param e an event
     * @return a stable one-line description of everything the decoder extracted
     */
    public static String describe(ChatEvent e) {
        EventInfo i = e.info();
        String seq = "#" + i.sequence();
        if (e instanceof ChatEvent.AgentText) {
            ChatEvent.AgentText t = (ChatEvent.AgentText) e;
            return seq + " text" + (t.partial() ? " partial" : "") + " " + dash(i.author()) + " @" + ts(i.timestamp())
                    + " " + Json.writeString(t.text());
        }
        if (e instanceof ChatEvent.ToolCall) {
            ChatEvent.ToolCall c = (ChatEvent.ToolCall) e;
            return seq + " tool_call " + c.name() + " " + dash(c.callId()) + " " + json(c.args()) + " "
                    + dash(i.author()) + " @" + ts(i.timestamp());
        }
        if (e instanceof ChatEvent.ToolResult) {
            ChatEvent.ToolResult r = (ChatEvent.ToolResult) e;
            return seq + " tool_result " + r.name() + " " + dash(r.callId()) + " " + json(r.response()) + " "
                    + dash(i.author()) + " @" + ts(i.timestamp());
        }
        if (e instanceof ChatEvent.ModelError) {
            ChatEvent.ModelError m = (ChatEvent.ModelError) e;
            return seq + " model_error " + dash(m.code()) + " " + Json.writeString(m.message());
        }
        if (e instanceof ChatEvent.StreamError) {
            ChatEvent.StreamError s = (ChatEvent.StreamError) e;
            return seq + " stream_error " + Json.writeString(s.message()) + " " + json(s.details());
        }
        if (e instanceof ChatEvent.Heartbeat) {
            return seq + " heartbeat " + ((ChatEvent.Heartbeat) e).source();
        }
        return seq + " other " + ((ChatEvent.Other) e).reason();
    }

    private static String json(JsonValue n) {
        return n == null || n.isNull() ? "-" : Json.writeString(JsonValues.toJackson(n));
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }

    private static String ts(Instant t) {
        return t == null ? "-" : t.toString();
    }

    /**
     * The ADK-Java recordings, kept in the repository ({@code src/test/resources/fixtures/adk-java} of
     * the core module, shipped in its test jar; see {@code PROVENANCE.md} there).
     *
     * @return the folder
     */
    public static Path adkJavaFixtures() {
        return TestResources.directory("fixtures/adk-java");
    }
}
