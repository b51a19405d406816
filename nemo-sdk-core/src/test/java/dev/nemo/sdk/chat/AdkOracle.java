package dev.nemo.sdk.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nemo.sdk.internal.json.JsonValues;
import dev.nemo.sdk.testing.EventGroups;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares the SDK's chat events with ADK's own reading of the same bytes ({@code .expected.json},
 * one entry per ADK event), field by field: author, partial, turnComplete, errorCode, errorMessage,
 * finishReason, the visible text, tool calls and tool results by name, the state delta, and whether
 * the event had content and how many parts.
 */
final class AdkOracle {
    private AdkOracle() {
    }

    static void assertSameEvents(AdkRecording rec, List<ChatEvent> events) {
        List<List<ChatEvent>> groups = EventGroups.bySequence(events);
        JsonNode want = rec.events();
        assertThat(groups).as(rec.name() + ": one group of SDK events per ADK event").hasSize(want.size());
        for (int i = 0; i < want.size(); i++) {
            assertSame(rec.name() + " event " + i, want.get(i), groups.get(i));
        }
    }

    private static void assertSame(String at, JsonNode w, List<ChatEvent> group) {
        EventInfo info = group.get(0).info();
        assertThat(info.author()).as(at + " author").isEqualTo(text(w, "author"));
        assertThat(info.partial()).as(at + " partial").isEqualTo(w.get("partial").asBoolean(false));
        assertThat(info.turnComplete()).as(at + " turnComplete").isEqualTo(w.get("turnComplete").asBoolean(false));
        assertThat(info.finishReason()).as(at + " finishReason").isEqualTo(text(w, "finishReason"));
        StringBuilder text = new StringBuilder();
        List<String> calls = new ArrayList<>();
        List<String> responses = new ArrayList<>();
        String code = null;
        String message = null;
        for (ChatEvent e : group) {
            if (e instanceof ChatEvent.AgentText t) {
                text.append(t.text());
            } else if (e instanceof ChatEvent.ToolCall c) {
                calls.add(c.name());
                assertThat(c.callId()).as(at + " call id").startsWith("adk-");
                assertThat(c.args()).as(at + " call args").isNotNull();
            } else if (e instanceof ChatEvent.ToolResult r) {
                responses.add(r.name());
                assertThat(r.callId()).as(at + " result id").startsWith("adk-");
            } else if (e instanceof ChatEvent.ModelError m) {
                code = m.code();
                message = m.message();
            }
        }
        assertThat(text.toString()).as(at + " text").isEqualTo(w.get("text").textValue());
        assertThat(calls).as(at + " functionCalls").containsExactlyElementsOf(names(w.get("functionCalls")));
        assertThat(responses).as(at + " functionResponses")
                .containsExactlyElementsOf(names(w.get("functionResponses")));
        assertThat(code).as(at + " errorCode").isEqualTo(text(w, "errorCode"));
        assertThat(message).as(at + " errorMessage").isEqualTo(text(w, "errorMessage"));
        JsonNode delta = w.get("stateDelta");
        if (delta == null || delta.isNull()) {
            assertThat(info.stateDelta().isEmpty()).as(at + " stateDelta absent").isTrue();
        } else {
            assertThat(JsonValues.toJackson(info.stateDelta())).as(at + " stateDelta").isEqualTo(delta);
        }
        JsonNode content = JsonValues.toJackson(info.raw()).get("content");
        assertThat(content != null).as(at + " hasContent").isEqualTo(w.get("hasContent").booleanValue());
        if (content != null) {
            assertThat(content.path("parts").size()).as(at + " partsCount").isEqualTo(w.get("partsCount").intValue());
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
