package dev.nemo.sdk.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.chat.RecordingReplay.Framing;
import dev.nemo.sdk.error.ServerException;
import dev.nemo.sdk.error.TransportException;
import dev.nemo.sdk.internal.chat.ChatCollector;
import dev.nemo.sdk.testing.ChatCall;
import dev.nemo.sdk.testing.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every real ADK-Java recording, served byte-exact over HTTP by a local socket server (random
 * piece sizes and pauses from a seed, chunked and with {@code Content-Length}, cut where the
 * recording was cut), read by {@code client.chat()} through {@code send}, {@code stream} and
 * {@code publisher}, and compared field by field with what ADK's own {@code Event.fromJson} read
 * ({@code .expected.json}). Reproduce a case with {@code -Dnemo.replay.seed=<seed shown in its name>}.
 */
class AdkRecordingsOverHttpTest {
    private static final String SID = "s-recorded";
    private static final long BASE_SEED = Long.getLong("nemo.replay.seed", 20261202L);

    @TestFactory
    Stream<DynamicTest> everyRecordingThroughEveryApiAndFraming() {
        List<AdkRecording> recordings = AdkRecording.all();
        assertThat(recordings).as("ADK-Java recordings").hasSizeGreaterThanOrEqualTo(18);
        List<DynamicTest> tests = new ArrayList<>();
        for (AdkRecording rec : recordings) {
            for (Framing framing : Framing.values()) {
                for (ChatCall api : ChatCall.values()) {
                    long seed = BASE_SEED * 31 + (rec.name() + framing + api).hashCode();
                    tests.add(DynamicTest.dynamicTest(rec.name() + " " + framing + " " + api + " seed " + seed,
                            () -> replay(rec, framing, api, seed)));
                }
            }
        }
        return tests.stream();
    }

    private static void replay(AdkRecording rec, Framing framing, ChatCall api, long seed) throws Exception {
        Random random = new Random(seed);
        List<String> bodies = new ArrayList<>();
        try (SseTestServer server = new SseTestServer((body, socket, out) -> {
            bodies.add(body);
            RecordingReplay.play(rec, framing, random, socket, out);
        }); NemoClient client = NemoClient.builder().baseUrl(server.baseUrl()).token(TestTokens.EXPLICIT)
                .environment(Map.of()).build()) {
            ChatOptions options = ChatOptions.builder().stateCheck(false).streaming(rec.streaming()).build();
            ChatCall.Outcome outcome = api.run(client, SID, "replay " + rec.scenario(), options, random);
            assertThat(server.requests.get()).as("a chat message is sent exactly once").isEqualTo(1);
            assertThat(bodies.get(0)).contains("\"session_id\":\"" + SID + "\"");
            checkEnding(rec, api, outcome);
            AdkOracle.assertSameEvents(rec, outcome.events());
        }
    }

    /** Each recording has exactly one accepted ending. */
    private static void checkEnding(AdkRecording rec, ChatCall api, ChatCall.Outcome outcome) {
        String at = rec.name() + " via " + api;
        if (rec.status() != 200) {
            assertThat(outcome.error()).as(at + ": HTTP " + rec.status() + " before the stream")
                    .isInstanceOf(ServerException.class);
            assertThat(((ServerException) outcome.error()).httpStatus()).isEqualTo(rec.status());
            assertThat(outcome.events()).as(at).isEmpty();
            return;
        }
        ChatResult r = outcome.result() != null ? outcome.result() : collect(outcome);
        if (rec.cut()) {
            assertThat(r.end()).as(at).isEqualTo(ChatEnd.TRANSPORT_CUT);
            assertThat(r.failure()).as(at).get().isInstanceOf(TransportException.class);
            assertThat(((TransportException) r.failure().orElseThrow()).outcomeUnknown()).as(at).isTrue();
            return;
        }
        assertThat(outcome.error()).as(at + " error").isNull();
        JsonNode events = rec.events();
        switch (rec.scenario()) {
            case "s04_silent_edit" -> assertThat(r.end()).as(at).isEqualTo(ChatEnd.COMPLETED_SILENTLY);
            case "s06_safety_error" -> assertThat(r.end()).as(at).isEqualTo(ChatEnd.ERROR_EVENT);
            default -> {
                assertThat(r.end()).as(at).isEqualTo(ChatEnd.COMPLETED_WITH_TEXT);
                assertThat(r.text()).as(at + " text")
                        .isEqualTo(events.get(events.size() - 1).get("text").textValue());
            }
        }
        assertThat(r.failure()).as(at).isEmpty();
    }

    /** What {@code send} would have reported, rebuilt from the events {@code stream}/{@code publisher} gave. */
    private static ChatResult collect(ChatCall.Outcome outcome) {
        ChatCollector c = new ChatCollector();
        outcome.events().forEach(c::accept);
        return outcome.error() == null ? c.completed() : c.interrupted(outcome.error());
    }
}
