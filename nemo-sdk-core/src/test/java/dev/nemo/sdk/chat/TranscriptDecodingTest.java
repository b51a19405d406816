package dev.nemo.sdk.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.internal.chat.ChatCollector;
import dev.nemo.sdk.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class TranscriptDecodingTest {
    static final List<String> NAMES = Transcripts.NAMES;

    @ParameterizedTest
    @FieldSource("NAMES")
    void decodesEveryTranscriptToTheExpectedEvents(String name) {
        List<ChatEvent> events = ChatEvents.decode(Transcripts.bytes(name));
        assertThat(Transcripts.describe(events)).containsExactlyElementsOf(Transcripts.expected(name));
    }

    @Test
    void withoutStreamingPartialTextIsNotAgentText() throws IOException {
        List<ChatEvent> events = ChatEvents.decode(
                new ByteArrayInputStream(Transcripts.bytes("adk-java-tool-text")), ChatOptions.defaults());
        assertThat(events)
                .filteredOn(e -> e instanceof ChatEvent.Other)
                .extracting(e -> ((ChatEvent.Other) e).reason())
                .containsExactly(
                        ChatEvent.Other.Reason.PARTIAL_TEXT,
                        ChatEvent.Other.Reason.PARTIAL_TEXT,
                        ChatEvent.Other.Reason.PARTIAL_TEXT);
        assertThat(events)
                .filteredOn(e -> e instanceof ChatEvent.AgentText)
                .extracting(e -> ((ChatEvent.AgentText) e).text())
                .containsExactly("Title 'Urban Dreams' added \uD83C\uDFB5 (0-3s).");
    }

    @Test
    void rawJsonStaysReachableOnEveryEvent() {
        List<ChatEvent> events = ChatEvents.decode(Transcripts.bytes("adk-python-error-tail"));
        ChatEvent.ToolResult result = (ChatEvent.ToolResult) events.get(2);
        assertThat(result.raw()
                        .get("actions")
                        .flatMap(a -> a.get("stateDelta"))
                        .flatMap(d -> d.get("draft"))
                        .flatMap(d -> d.get("revision")))
                .contains(JsonValue.of(2));
        assertThat(events.get(0)
                        .raw()
                        .get("content")
                        .flatMap(c -> c.get("parts"))
                        .flatMap(p -> p.at(0))
                        .flatMap(p -> p.get("thought"))
                        .flatMap(JsonValue::asBoolean))
                .contains(true);
        assertThat(result.info().id()).isEqualTo("Zx9Yq8W7");
        assertThat(result.info().invocationId()).isEqualTo("e-8c3b");
    }

    @Test
    void eventsOfOneAdkEventShareTheirInfo() {
        byte[] body = ("data: {\"author\":\"nemo_agent\",\"content\":{\"parts\":[{\"text\":\"Adding a title\"},"
                        + "{\"functionCall\":{\"id\":\"c1\",\"name\":\"edit_multitrack\",\"args\":{}}},"
                        + "{\"functionCall\":{\"id\":\"c2\",\"name\":\"generate_music\",\"args\":{}}}]},"
                        + "\"errorCode\":\"MAX_TOKENS\"}\n\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<ChatEvent> events = ChatEvents.decode(body);
        assertThat(events)
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("AgentText", "ToolCall", "ToolCall", "ModelError");
        assertThat(events)
                .extracting(ChatEvent::info)
                .containsOnly(events.get(0).info());
        assertThat(((ChatEvent.ToolCall) events.get(2)).activity()).isEqualTo("Generating music");
    }

    @Test
    void summariesGroupEventsPerPayloadAndSkipHeartbeats() {
        List<EventSummary> summaries = ChatEvents.summarize(ChatEvents.decode(Transcripts.bytes("gateway-extras")));
        assertThat(summaries).extracting(EventSummary::sequence).containsExactly(4L, 6L, 7L, 9L, 11L);
        assertThat(summaries.get(0).toJson())
                .isEqualTo("{\"author\":null,\"partial\":false,\"text\":\"\","
                        + "\"functionCalls\":[\"generate_video_with_seedance\"],\"functionResponses\":[],\"errorCode\":null,"
                        + "\"errorMessage\":null}");
        List<EventSummary> python =
                ChatEvents.summarize(ChatEvents.decode(Transcripts.bytes("adk-python-error-details")));
        assertThat(python.get(1).errorCode()).isEqualTo("RuntimeError");
        assertThat(python.get(1).errorMessage()).isEqualTo("RuntimeError: tool edit_multitrack failed");
    }

    @Test
    void collectorReportsHowEachTranscriptEnded() {
        assertThat(collect("adk-java-tool-text").end()).isEqualTo(ChatEnd.COMPLETED_WITH_TEXT);
        assertThat(collect("adk-java-tool-text").text()).isEqualTo("Title 'Urban Dreams' added \uD83C\uDFB5 (0-3s).");
        assertThat(collect("adk-java-silent").end()).isEqualTo(ChatEnd.COMPLETED_SILENTLY);
        assertThat(collect("adk-java-safety").end()).isEqualTo(ChatEnd.ERROR_EVENT);
        ChatResult python = collect("adk-python-error-tail");
        assertThat(python.end()).isEqualTo(ChatEnd.ERROR_EVENT);
        assertThat(python.text()).isEqualTo("压缩完成：GIF 从 4.2 MB 降到 1.1 MB。");
        assertThat(python.errors()).hasSize(1);
        ChatResult gateway = collect("gateway-extras");
        assertThat(gateway.end()).isEqualTo(ChatEnd.COMPLETED_WITH_TEXT);
        assertThat(gateway.messages()).containsExactly("完成了 ✅ — loop twice 👍🏽");
        assertThat(gateway.ignoredNotice()).hasValue("I encountered a temporary issue. Please try again.");
    }

    @Test
    void temporaryIssueNoticeIsKeptWhenItIsTheOnlyOutput() {
        ChatCollector c = new ChatCollector();
        ChatEvents.decode(("data: {\"author\":\"nemo_agent\",\"content\":{\"parts\":[{\"text\":\"I encountered a "
                                + "temporary issue.\"}]}}\n\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .forEach(c::accept);
        ChatResult r = c.completed();
        assertThat(r.messages()).containsExactly("I encountered a temporary issue.");
        assertThat(r.ignoredNotice()).isEmpty();
    }

    @Test
    void noticeAfterAToolResultOnlyMakesTheEndSilent() {
        String body = new String(Transcripts.bytes("adk-java-silent"), java.nio.charset.StandardCharsets.UTF_8)
                + "data:{\"author\":\"nemo_agent\",\"content\":{\"parts\":[{\"text\":\"Sorry, I encountered a temporary "
                + "issue\"}]}}\n\n";
        ChatCollector c = new ChatCollector();
        ChatEvents.decode(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .forEach(c::accept);
        ChatResult r = c.completed();
        assertThat(r.end()).isEqualTo(ChatEnd.COMPLETED_SILENTLY);
        assertThat(r.ignoredNotice()).isPresent();
        assertThat(r.toolResults()).hasSize(1);
    }

    @Test
    void timestampsInSecondsAndMillisecondsMeanTheSameInstant() {
        List<ChatEvent> seconds = ChatEvents.decode("data: {\"author\":\"a\",\"timestamp\":1795559949.543}\n\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<ChatEvent> millis = ChatEvents.decode("data: {\"author\":\"a\",\"timestamp\":1795559949543}\n\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(seconds.get(0).info().timestamp())
                .isEqualTo(millis.get(0).info().timestamp())
                .hasToString("2026-11-24T22:39:09.543Z");
    }

    private static ChatResult collect(String name) {
        ChatCollector c = new ChatCollector();
        ChatEvents.decode(Transcripts.bytes(name)).forEach(c::accept);
        return c.completed();
    }
}
