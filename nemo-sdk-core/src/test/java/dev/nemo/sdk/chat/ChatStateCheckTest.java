package dev.nemo.sdk.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.error.ServerException;
import dev.nemo.sdk.error.TransportException;
import dev.nemo.sdk.state.StateDiff;
import dev.nemo.sdk.testing.TestTokens;
import dev.nemo.sdk.testing.WireMockApi;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code send} reads the state before the message and, after a silent or interrupted stream, reports what changed. */
class ChatStateCheckTest {
    private static final String SID = "5529798706024415232";
    private static final String STATE = "/api/state/nemo_agent/me/" + SID + "/latest";
    private static final String EMPTY = "{\"code\":0,\"data\":{\"session_id\":\"" + SID + "\",\"state\":{\"video_infos\":[]}}}";
    private static final String ONE_FILE = "{\"code\":0,\"data\":{\"session_id\":\"" + SID + "\",\"state\":{\"video_infos\":"
            + "[{\"url\":\"https://cdn.example/a.gif\"}]}}}";

    @TempDir
    Path dir;
    @RegisterExtension
    final WireMockApi wm = new WireMockApi();
    private NemoClient client;

    @BeforeEach
    void start() {
        client = wm.client(dir).token(TestTokens.EXPLICIT).build();
    }

    @AfterEach
    void stop() {
        client.close();
    }

    /** The state reads return {@code states} in order, then the last one forever. */
    private void states(String... states) {
        for (int i = 0; i < states.length; i++) {
            String next = i + 1 < states.length ? "s" + (i + 1) : name(i);
            wm.stubFor(get(STATE).inScenario("state").whenScenarioStateIs(name(i))
                    .willReturn(okJson(states[i])).willSetStateTo(next));
        }
    }

    private static String name(int i) {
        return i == 0 ? Scenario.STARTED : "s" + i;
    }

    private void stream(String transcript) {
        wm.stubFor(post("/run_sse").willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                .withBody(Transcripts.bytes(transcript))));
    }

    @Test
    void silentEditReportsWhatChanged() {
        states(EMPTY, ONE_FILE);
        stream("adk-java-silent");
        ChatResult r = client.chat().send(SID, "add the gif");
        assertThat(r.end()).isEqualTo(ChatEnd.COMPLETED_SILENTLY);
        assertThat(r.stateChange()).get().satisfies(d -> {
            assertThat(d.isEmpty()).isFalse();
            assertThat(d.describe()).isEqualTo("Added 1 media file");
        });
        assertThat(r.stateAfter()).get().satisfies(s -> assertThat(s.videoInfos()).hasSize(1));
        assertThat(order()).containsExactly("GET " + STATE, "POST /run_sse", "GET " + STATE);
        assertThat(wm.time().sleeps()).isEmpty();
    }

    @Test
    void answerWithTextNeedsNoSecondRead() {
        states(EMPTY);
        stream("adk-java-tool-text");
        ChatResult r = client.chat().send(SID, "add a title");
        assertThat(r.end()).isEqualTo(ChatEnd.COMPLETED_WITH_TEXT);
        assertThat(r.stateChange()).isEmpty();
        wm.verify(1, getRequestedFor(urlEqualTo(STATE)));
    }

    @Test
    void cutStreamIsReportedAndTheStateIsRecheckedUntilItChanges() {
        states(EMPTY, EMPTY, EMPTY, ONE_FILE);
        wm.stubFor(post("/run_sse").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        ChatResult r = client.chat().send(SID, "generate a video");
        assertThat(r.end()).isEqualTo(ChatEnd.TRANSPORT_CUT);
        assertThat(r.failure()).get().isInstanceOf(TransportException.class);
        assertThat(r.stateChange()).get().extracting(d -> d.describe()).isEqualTo("Added 1 media file");
        assertThat(wm.time().sleeps()).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(60));
        wm.verify(1, postRequestedFor(urlEqualTo("/run_sse")));
        wm.verify(4, getRequestedFor(urlEqualTo(STATE)));
    }

    @Test
    void cutStreamWithNothingChangedSaysSoAfterFiveChecks() {
        states(EMPTY);
        wm.stubFor(post("/run_sse").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        ChatResult r = client.chat().send(SID, "generate a video");
        assertThat(r.end()).isEqualTo(ChatEnd.TRANSPORT_CUT);
        assertThat(r.stateChange()).get().satisfies(d -> assertThat(d.isEmpty()).isTrue());
        assertThat(wm.time().sleeps()).containsExactlyElementsOf(ChatOptions.DEFAULT_RECHECK_DELAYS);
        wm.verify(1, postRequestedFor(urlEqualTo("/run_sse")));
        wm.verify(6, getRequestedFor(urlEqualTo(STATE)));
    }

    @Test
    void unreadableStateBeforeTheMessageDoesNotStopTheChat() {
        wm.stubFor(get(STATE).willReturn(aResponse().withStatus(503)));
        stream("adk-java-silent");
        ChatResult r = client.chat().send(SID, "add the gif");
        assertThat(r.end()).isEqualTo(ChatEnd.COMPLETED_SILENTLY);
        assertThat(r.stateChange()).isEmpty();
        assertThat(r.stateCheckFailure()).get().isInstanceOf(ServerException.class);
        wm.verify(1, postRequestedFor(urlEqualTo("/run_sse")));
    }

    @Test
    void stateChecksCanBeTurnedOff() {
        stream("adk-java-silent");
        ChatResult r = client.chat().send(SID, "add the gif", ChatOptions.builder().stateCheck(false).build(),
                ChatListener.none());
        assertThat(r.end()).isEqualTo(ChatEnd.COMPLETED_SILENTLY);
        assertThat(r.stateChange()).isEmpty();
        wm.verify(0, getRequestedFor(urlEqualTo(STATE)));
    }

    @Test
    void customRecheckScheduleIsUsed() {
        states(EMPTY);
        wm.stubFor(post("/run_sse").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        ChatResult r = client.chat().send(SID, "go", ChatOptions.builder()
                .recheckDelays(List.of(Duration.ofSeconds(3), Duration.ofSeconds(3))).build(), ChatListener.none());
        assertThat(r.stateChange()).isPresent();
        assertThat(wm.time().sleeps()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3));
    }

    @Test
    void silentEditThatReachesTheStateLateIsSeenAndReadingStopsThere() {
        states(EMPTY, EMPTY, EMPTY, ONE_FILE);
        stream("adk-java-silent");
        List<StateCheckProgress> checks = new ArrayList<>();
        ChatResult r = client.chat().send(SID, "add the gif", progress(checks));

        assertThat(r.stateChange()).get().extracting(StateDiff::describe).isEqualTo("Added 1 media file");
        wm.verify(4, getRequestedFor(urlEqualTo(STATE)));
        assertThat(wm.time().sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
        assertThat(checks).extracting(StateCheckProgress::attempt).containsExactly(1, 2, 3);
        assertThat(checks).allSatisfy(c -> assertThat(c.of()).isEqualTo(11));
        assertThat(checks.get(0).nextIn()).hasValue(Duration.ofSeconds(2));
        assertThat(checks.get(0).describe()).isEqualTo("checking the draft: 1 of 11, no change yet, next in 2 s");
        assertThat(checks.get(2).changed()).isTrue();
        assertThat(checks.get(2).isLast()).isTrue();
    }

    @Test
    void silentEndWithNoChangeSaysSoOnlyAfterTheWholeSchedule() {
        states(EMPTY);
        stream("adk-java-silent");
        List<StateCheckProgress> checks = new ArrayList<>();
        ChatResult r = client.chat().send(SID, "add the gif", progress(checks));

        assertThat(r.stateChange()).get().satisfies(d -> assertThat(d.isEmpty()).isTrue());
        assertThat(checks).hasSize(11).last().satisfies(c -> assertThat(c.isLast()).isTrue());
        assertThat(wm.time().totalSlept()).isGreaterThanOrEqualTo(Duration.ofSeconds(20));
        wm.verify(12, getRequestedFor(urlEqualTo(STATE)));
        wm.verify(1, postRequestedFor(urlEqualTo("/run_sse")));
    }

    @Test
    void settleScheduleIsConfigurable() {
        states(EMPTY);
        stream("adk-java-silent");
        ChatOptions quick = ChatOptions.builder().settleDelays(ChatOptions.evenly(3, Duration.ofMillis(500))).build();

        ChatResult r = client.chat().send(SID, "add the gif", quick, ChatListener.none());

        assertThat(r.stateChange()).isPresent();
        assertThat(wm.time().sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500));
        wm.verify(4, getRequestedFor(urlEqualTo(STATE)));
    }

    @Test
    void interruptedStreamIsReportedBeforeTheChecksWithTheTextSoFar() {
        states(EMPTY);
        wm.stubFor(post("/run_sse").willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                .withBody("data: {\"content\":{\"parts\":[{\"text\":\"Working on the \"}]},\"partial\":true}\n\n"
                        + "data: {\"content\":{\"parts\":[{\"text\":\"Working on the").withChunkedDribbleDelay(2, 0)));
        List<String> seen = new ArrayList<>();
        ChatListener listener = new ChatListener() {
            @Override
            public void onEvent(ChatEvent event) {
            }

            @Override
            public void onStreamEnded(ChatResult soFar) {
                seen.add("ended " + soFar.end() + " complete=" + soFar.textIsComplete() + " text=" + soFar.text());
            }

            @Override
            public void onStateCheck(StateCheckProgress progress) {
                seen.add("check " + progress.attempt() + "/" + progress.of());
            }
        };

        ChatResult r = client.chat().send(SID, "generate a video", listener);

        assertThat(r.end().interrupted()).isTrue();
        assertThat(r.textIsComplete()).isFalse();
        assertThat(seen.get(0)).startsWith("ended TRANSPORT_CUT complete=false text=Working on the");
        assertThat(seen.subList(1, seen.size())).containsExactly("check 1/5", "check 2/5", "check 3/5", "check 4/5",
                "check 5/5");
        wm.verify(1, postRequestedFor(urlEqualTo("/run_sse")));
    }

    @Test
    void aFailingListenerDoesNotStopTheChecks() {
        states(EMPTY, EMPTY, ONE_FILE);
        stream("adk-java-silent");
        ChatListener throwing = new ChatListener() {
            @Override
            public void onEvent(ChatEvent event) {
            }

            @Override
            public void onStateCheck(StateCheckProgress progress) {
                throw new IllegalStateException("listener bug");
            }
        };

        ChatResult r = client.chat().send(SID, "add the gif", throwing);

        assertThat(r.stateChange()).get().extracting(StateDiff::isEmpty).isEqualTo(false);
    }

    private static ChatListener progress(List<StateCheckProgress> checks) {
        return new ChatListener() {
            @Override
            public void onEvent(ChatEvent event) {
            }

            @Override
            public void onStateCheck(StateCheckProgress progress) {
                checks.add(progress);
            }
        };
    }

    private List<String> order() {
        List<ServeEvent> events = new ArrayList<>(wm.getAllServeEvents());
        events.sort((a, b) -> a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()));
        List<String> out = new ArrayList<>();
        for (ServeEvent e : events) {
            out.add(e.getRequest().getMethod() + " " + e.getRequest().getUrl());
        }
        return out;
    }
}
