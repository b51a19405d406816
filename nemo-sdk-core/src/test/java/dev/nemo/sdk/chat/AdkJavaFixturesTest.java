package dev.nemo.sdk.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nemo.sdk.internal.chat.ChatCollector;
import dev.nemo.sdk.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The decoder reads every real ADK-Java recording (in-repository copy:
 * {@code src/test/resources/fixtures/adk-java}, see its {@code PROVENANCE.md}) the way
 * ADK's own {@code Event.fromJson} did: same events, authors, partial flags, text, tool calls,
 * tool results and errors.
 */
class AdkJavaFixturesTest {

    @TestFactory
    Stream<DynamicTest> decoderAgreesWithAdkOnEveryRecording() throws IOException {
        Path dir = Transcripts.adkJavaFixtures();
        List<Path> expected = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().endsWith(".expected.json"))
                    .sorted()
                    .forEach(expected::add);
        }
        assertThat(expected).as("recordings in %s", dir).hasSize(18);
        return expected.stream()
                .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    private static void check(Path expectedFile) throws IOException {
        JsonNode expected = Json.parse(Files.readAllBytes(expectedFile));
        String base = expectedFile.getFileName().toString().replace(".expected.json", "");
        Path sse = expectedFile.resolveSibling(base + ".sse");
        List<ChatEvent> events;
        try (InputStream in = Files.newInputStream(sse)) {
            events = ChatEvents.decode(in);
        }
        List<EventSummary> summaries = ChatEvents.summarize(events);
        JsonNode want = expected.get("events");
        assertThat(summaries)
                .as("number of events")
                .hasSize(expected.get("sseEventCount").intValue())
                .hasSize(want.size());
        for (int i = 0; i < want.size(); i++) {
            JsonNode w = want.get(i);
            EventSummary got = summaries.get(i);
            String at = base + " event " + i;
            assertThat(got.author()).as(at + " author").isEqualTo(text(w, "author"));
            assertThat(got.partial())
                    .as(at + " partial")
                    .isEqualTo(w.get("partial").asBoolean(false));
            assertThat(got.text()).as(at + " text").isEqualTo(w.get("text").textValue());
            assertThat(got.functionCalls()).as(at + " calls").containsExactlyElementsOf(names(w.get("functionCalls")));
            assertThat(got.functionResponses())
                    .as(at + " responses")
                    .containsExactlyElementsOf(names(w.get("functionResponses")));
            assertThat(got.errorCode()).as(at + " errorCode").isEqualTo(text(w, "errorCode"));
            assertThat(got.errorMessage()).as(at + " errorMessage").isEqualTo(text(w, "errorMessage"));
            if (!w.get("partial").asBoolean(false) && !w.get("text").textValue().isEmpty()) {
                assertThat(events).as(at + " is agent text").anySatisfy(e -> {
                    assertThat(e).isInstanceOf(ChatEvent.AgentText.class);
                    assertThat(e.info().sequence()).isEqualTo(got.sequence());
                });
            }
        }
        checkEnding(base, expected, events);
    }

    /** The ending the SDK reports agrees with what the recording shows. */
    private static void checkEnding(String base, JsonNode expected, List<ChatEvent> events) {
        if (expected.get("httpStatus").intValue() != 200) {
            assertThat(events).as(base + ": an HTTP 500 body has no events").isEmpty();
            return;
        }
        ChatCollector c = new ChatCollector();
        events.forEach(c::accept);
        ChatResult r = c.completed();
        String scenario = expected.get("scenario").textValue();
        switch (scenario) {
            case "s04_silent_edit":
                assertThat(r.end()).as(base).isEqualTo(ChatEnd.COMPLETED_SILENTLY);
                break;
            case "s06_safety_error":
                assertThat(r.end()).as(base).isEqualTo(ChatEnd.ERROR_EVENT);
                break;
            case "s07_crash_mid_stream":
                // the cut itself is a transport error, tested against a live cut; the bytes alone look complete
                assertThat(r.end()).as(base).isIn(ChatEnd.COMPLETED_WITH_TEXT, ChatEnd.COMPLETED_SILENTLY);
                break;
            default:
                assertThat(r.end()).as(base).isEqualTo(ChatEnd.COMPLETED_WITH_TEXT);
                JsonNode last =
                        expected.get("events").get(expected.get("events").size() - 1);
                assertThat(r.text())
                        .as(base + " text")
                        .isEqualTo(last.get("text").textValue());
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
