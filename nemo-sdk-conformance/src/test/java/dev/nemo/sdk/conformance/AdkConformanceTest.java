package dev.nemo.sdk.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.adk.events.Event;
import com.google.adk.sessions.Session;
import dev.nemo.sdk.chat.ChatEnd;
import dev.nemo.sdk.chat.ChatEvent;
import dev.nemo.sdk.chat.ChatListener;
import dev.nemo.sdk.chat.ChatOptions;
import dev.nemo.sdk.conformance.agent.NemoAgent;
import dev.nemo.sdk.conformance.gateway.WireRecord;
import dev.nemo.sdk.error.ServerException;
import dev.nemo.sdk.error.TransportException;
import dev.nemo.sdk.testing.ChatCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scripted scenario through a real ADK-Java server and the NemoVideo gateway, read by the
 * SDK over real HTTP with {@code send}, {@code stream} and {@code publisher}: the SDK's events
 * equal, field by field, ADK's own {@code Event.fromJson} reading of the bytes ADK sent, those
 * equal the runner's stored {@code Event} objects, and each run ends the one way it may.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdkConformanceTest {
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

    static Stream<Arguments> runs() {
        List<Arguments> out = new ArrayList<>();
        for (Expect e : Expect.values()) {
            for (ChatCall api : ChatCall.values()) {
                out.add(Arguments.of(e, true, api));
            }
            out.add(Arguments.of(e, false, ChatCall.SEND));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} streaming={1} {2}")
    @MethodSource("runs")
    void sdkSeesWhatAdkSent(Expect expect, boolean streaming, ChatCall api) throws Exception {
        String sid = h.client.sessions().create().sessionId();
        ChatOptions options = ChatOptions.builder().streaming(streaming).stateCheck(false).build();
        ChatCall.Outcome outcome = api.run(h.client, sid, "[" + expect.tag + "] " + expect.message, options,
                ChatListener.none());
        WireRecord wire = h.gateway.lastRun().orElseThrow();
        assertThat(wire.sessionId()).isEqualTo(sid);
        assertThat(wire.upstreamBody()).contains("\"streaming\":" + streaming);
        List<Event> adk = AdkWire.events(wire.body());
        SdkMatchesAdk.assertSame(expect + " via " + api, adk, outcome.events());
        assertStoredByRunner(sid, adk);
        assertEnding(expect, outcome, wire, adk);
        expect.extra.check(h, sid, adk);
    }

    /** Every complete (non-partial) event on the wire is the runner's own stored event. */
    private void assertStoredByRunner(String sid, List<Event> wire) {
        Session session = h.adk.sessionService().getSession(NemoAgent.NAME, "me", sid, Optional.empty()).blockingGet();
        for (Event e : wire) {
            if (!e.partial().orElse(false)) {
                assertThat(session.events()).as("runner stored " + e.id()).filteredOn(s -> s.id().equals(e.id()))
                        .singleElement().isEqualTo(e);
            }
        }
    }

    private static void assertEnding(Expect expect, ChatCall.Outcome outcome, WireRecord wire, List<Event> adk) {
        if (wire.status() != 200) {
            // a model that fails before ADK flushed its first event: HTTP 500 with an empty body (recording s08)
            assertThat(expect.end).as("ADK refused a run that should have streamed").isEqualTo(ChatEnd.TRANSPORT_CUT);
            System.out.println("note: ADK answered HTTP " + wire.status() + " for " + expect
                    + " (the model failed before the first event was flushed)");
            assertThat(outcome.error()).isInstanceOf(ServerException.class);
            assertThat(outcome.error().httpStatus()).isEqualTo(wire.status());
            assertThat(outcome.events()).isEmpty();
            return;
        }
        if (wire.cut()) {
            assertThat(expect.end).as("ADK cut a stream it should have ended").isEqualTo(ChatEnd.TRANSPORT_CUT);
            assertThat(outcome.error()).isInstanceOf(TransportException.class);
            if (outcome.result() != null) {
                assertThat(outcome.result().end()).isEqualTo(ChatEnd.TRANSPORT_CUT);
            }
            return;
        }
        assertThat(expect.end).as("ADK ended normally a stream it should have cut").isNotEqualTo(ChatEnd.TRANSPORT_CUT);
        assertThat(outcome.error()).as("error").isNull();
        if (outcome.result() != null) {
            assertThat(outcome.result().end()).isEqualTo(expect.end);
            if (expect.end == ChatEnd.COMPLETED_WITH_TEXT) {
                assertThat(outcome.result().text()).isEqualTo(SdkMatchesAdk.visibleText(adk.get(adk.size() - 1)));
            }
        }
        List<ChatEvent> texts = outcome.events().stream().filter(e -> e instanceof ChatEvent.AgentText).toList();
        assertThat(texts.isEmpty()).as("no agent text").isEqualTo(expect.end != ChatEnd.COMPLETED_WITH_TEXT);
    }
}
