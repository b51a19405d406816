package dev.nemo.sdk.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.adk.events.Event;
import com.google.genai.types.Content;
import com.google.genai.types.FunctionCall;
import com.google.genai.types.FunctionResponse;
import com.google.genai.types.Part;
import dev.nemo.sdk.chat.ChatEvent;
import dev.nemo.sdk.chat.EventInfo;
import dev.nemo.sdk.json.JsonValue;
import dev.nemo.sdk.testing.EventGroups;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SDK's chat events against ADK's {@link Event}s for the same run, field by field: id,
 * invocation id, author, timestamp, partial, turnComplete, errorCode, errorMessage, finishReason,
 * the visible (non-thought) text, every tool call (id, name, args) and tool result (id, name,
 * response), and the state delta.
 */
final class SdkMatchesAdk {
    /** Reads every number exactly, so a value compares equal however each side typed it (5.0 as double or decimal). */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    private SdkMatchesAdk() {
    }

    static void assertSame(String scenario, List<Event> adk, List<ChatEvent> sdk) {
        List<List<ChatEvent>> groups = EventGroups.bySequence(sdk);
        assertThat(groups).as(scenario + ": one group of SDK events per ADK event").hasSize(adk.size());
        for (int i = 0; i < adk.size(); i++) {
            assertSame(scenario + " event " + i, adk.get(i), groups.get(i));
        }
    }

    private static void assertSame(String at, Event e, List<ChatEvent> group) {
        EventInfo info = group.get(0).info();
        assertThat(info.id()).as(at + " id").isEqualTo(e.id());
        assertThat(info.invocationId()).as(at + " invocationId").isEqualTo(e.invocationId());
        assertThat(info.author()).as(at + " author").isEqualTo(e.author());
        assertThat(info.timestamp().toEpochMilli()).as(at + " timestamp").isEqualTo(e.timestamp());
        assertThat(info.partial()).as(at + " partial").isEqualTo(e.partial().orElse(false));
        assertThat(info.turnComplete()).as(at + " turnComplete").isEqualTo(e.turnComplete().orElse(false));
        assertThat(info.finishReason()).as(at + " finishReason")
                .isEqualTo(e.finishReason().map(Object::toString).orElse(null));
        if (e.actions().stateDelta().isEmpty()) {
            assertThat(info.stateDelta().isEmpty()).as(at + " no stateDelta").isTrue();
        } else {
            assertThat(exact(info.stateDelta())).as(at + " stateDelta").isEqualTo(exact(e.actions().stateDelta()));
        }
        Sdk got = Sdk.of(group);
        assertThat(got.text).as(at + " text").isEqualTo(visibleText(e));
        assertThat(got.calls).as(at + " tool calls").containsExactlyElementsOf(calls(e));
        assertThat(got.results).as(at + " tool results").containsExactlyElementsOf(results(e));
        assertThat(got.errorCode).as(at + " errorCode").isEqualTo(e.errorCode().map(Object::toString).orElse(null));
        assertThat(got.errorMessage).as(at + " errorMessage").isEqualTo(e.errorMessage().orElse(null));
    }

    /** One tool call or result: id, name and JSON payload. */
    record Tool(String id, String name, Object payload) {
        Tool {
            payload = exact(payload);
        }
    }

    /** @return the JSON re-read with exact numbers ({@code null} stays {@code null}) */
    static JsonNode exact(Object value) {
        if (value == null || value instanceof JsonValue v && v.isNull()) {
            return null;
        }
        try {
            return JSON.readTree(value instanceof JsonValue v ? v.toJson() : JSON.writeValueAsString(value));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What the SDK made of one ADK event. */
    private static final class Sdk {
        final StringBuilder textBuf = new StringBuilder();
        String text;
        final List<Tool> calls = new ArrayList<>();
        final List<Tool> results = new ArrayList<>();
        String errorCode;
        String errorMessage;

        static Sdk of(List<ChatEvent> group) {
            Sdk s = new Sdk();
            for (ChatEvent c : group) {
                if (c instanceof ChatEvent.AgentText t) {
                    s.textBuf.append(t.text());
                } else if (c instanceof ChatEvent.ToolCall t) {
                    s.calls.add(new Tool(t.callId(), t.name(), t.args()));
                } else if (c instanceof ChatEvent.ToolResult r) {
                    s.results.add(new Tool(r.callId(), r.name(), r.response()));
                } else if (c instanceof ChatEvent.ModelError m) {
                    s.errorCode = m.code();
                    s.errorMessage = m.message();
                }
            }
            s.text = s.textBuf.toString();
            return s;
        }
    }

    private static List<Part> parts(Event e) {
        return e.content().flatMap(Content::parts).orElse(List.of());
    }

    static String visibleText(Event e) {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts(e)) {
            if (p.text().isPresent() && !p.thought().orElse(false)) {
                sb.append(p.text().get());
            }
        }
        return sb.toString();
    }

    private static List<Tool> calls(Event e) {
        List<Tool> out = new ArrayList<>();
        for (Part p : parts(e)) {
            Optional<FunctionCall> c = p.functionCall();
            c.ifPresent(f -> out.add(new Tool(f.id().orElse(null), f.name().orElse(null),
                    f.args().orElse(null))));
        }
        return out;
    }

    private static List<Tool> results(Event e) {
        List<Tool> out = new ArrayList<>();
        for (Part p : parts(e)) {
            Optional<FunctionResponse> r = p.functionResponse();
            r.ifPresent(f -> out.add(new Tool(f.id().orElse(null), f.name().orElse(null),
                    f.response().orElse(null))));
        }
        return out;
    }
}
