package dev.nemo.sdk.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.adk.events.Event;
import dev.nemo.sdk.chat.ChatEnd;
import dev.nemo.sdk.chat.ChatEvent;
import dev.nemo.sdk.chat.ChatListener;
import dev.nemo.sdk.chat.ChatOptions;
import dev.nemo.sdk.chat.ChatResult;
import dev.nemo.sdk.draft.Draft;
import dev.nemo.sdk.state.StateDiff;
import dev.nemo.sdk.draft.TrackType;
import dev.nemo.sdk.testing.ChatCall;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the SDK promises about a chat, against the real ADK server: a silent edit's change is found
 * in the session state after the stream, and a tool that runs long and silent keeps the stream
 * open with its call already delivered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdkBehaviourTest {
    private AdkHarness h;

    @BeforeAll
    void start() throws Exception {
        h = new AdkHarness();
    }

    @AfterAll
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void silentEditArrivesInStateThroughTheToolAndSendReportsIt() {
        String sid = h.client.sessions().create().sessionId();
        assertThat(h.client.state().get(sid).hasDraft()).isFalse();
        ChatResult r = h.client.chat().send(sid, "[silent] Urban Dreams");
        assertThat(r.end()).isEqualTo(ChatEnd.COMPLETED_SILENTLY);
        assertThat(r.hasText()).isFalse();
        StateDiff change = r.stateChange().orElseThrow();
        assertThat(change.isEmpty()).isFalse();
        Draft draft = r.stateAfter().orElseThrow().draft().orElseThrow();
        assertThat(draft.tracks()).singleElement().satisfies(t -> {
            assertThat(t.is(TrackType.TEXT)).isTrue();
            assertThat(t.segments().get(0).text()).contains("Urban Dreams");
        });
        List<Event> adk = AdkWire.events(h.gateway.lastRun().orElseThrow().body());
        SdkMatchesAdk.assertSame("silent edit", adk, r.events());
        assertThat(h.client.state().get(sid).draft()).contains(draft);
    }

    @Test
    void aLongSilentToolKeepsTheStreamOpenWithItsCallDelivered() throws Exception {
        h.gate.reset();
        String sid = h.client.sessions().create().sessionId();
        ChatListener releaseOnCall = e -> {
            if (e instanceof ChatEvent.ToolCall c && c.name().equals("render_preview")) {
                h.gate.release();
            }
        };
        for (ChatCall api : ChatCall.values()) {
            h.gate.reset();
            ChatCall.Outcome o = api.run(h.client, sid, "[long] the intro", ChatOptions.builder().streaming(true)
                    .stateCheck(false).build(), releaseOnCall);
            assertThat(h.gate.releasedByTest()).as(api + ": the SDK delivered the call while the tool still ran")
                    .isTrue();
            assertThat(o.error()).as(api + " error").isNull();
            SdkMatchesAdk.assertSame("long tool via " + api,
                    AdkWire.events(h.gateway.lastRun().orElseThrow().body()), o.events());
            assertThat(o.events()).filteredOn(e -> e instanceof ChatEvent.AgentText t && !t.partial())
                    .singleElement().satisfies(e -> assertThat(((ChatEvent.AgentText) e).text())
                            .isEqualTo("The preview is ready."));
        }
    }
}
