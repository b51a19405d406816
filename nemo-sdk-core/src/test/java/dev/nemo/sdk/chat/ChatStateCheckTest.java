package dev.nemo.sdk.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.error.ServerException;
import dev.nemo.sdk.error.TransportException;
import dev.nemo.sdk.testing.TestTokens;
import dev.nemo.sdk.testing.VirtualTime;
import dev.nemo.sdk.testing.WireMockSupport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
    private WireMockServer wm;
    private VirtualTime time;
    private NemoClient client;

    @BeforeEach
    void start() {
        wm = WireMockSupport.startWithJournal();
        time = VirtualTime.create();
        client = WireMockSupport.client(wm, time, dir).token(TestTokens.EXPLICIT).build();
    }

    @AfterEach
    void stop() {
        client.close();
        wm.stop();
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
        assertThat(time.sleeps()).isEmpty();
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
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(60));
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
        assertThat(time.sleeps()).containsExactlyElementsOf(ChatOptions.DEFAULT_RECHECK_DELAYS);
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
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3));
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
