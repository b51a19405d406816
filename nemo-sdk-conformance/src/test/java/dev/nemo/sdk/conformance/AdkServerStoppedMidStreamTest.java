package dev.nemo.sdk.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.chat.ChatEnd;
import dev.nemo.sdk.chat.ChatEvent;
import dev.nemo.sdk.chat.ChatListener;
import dev.nemo.sdk.chat.ChatOptions;
import dev.nemo.sdk.chat.ChatResult;
import dev.nemo.sdk.conformance.gateway.WireRecord;
import dev.nemo.sdk.error.TransportException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The ADK server is stopped while a tool runs: the events sent so far reach the SDK exactly as ADK
 * sent them, and the stream ends as a transport cut, never as a normal end.
 */
class AdkServerStoppedMidStreamTest {

    @Test
    void stoppingTheServerMidStreamIsATransportCut() throws Exception {
        try (AdkHarness h = new AdkHarness()) {
            String sid = h.client.sessions().create().sessionId();
            CompletableFuture<Void> stopped = new CompletableFuture<>();
            ChatListener stopOnCall = e -> {
                if (e instanceof ChatEvent.ToolCall c && c.name().equals("render_preview") && !stopped.isDone()) {
                    WireRecord run = h.gateway.lastRun().orElseThrow();
                    CompletableFuture.runAsync(h.adk::close); // the tool is still held by the gate
                    run.finished()
                            .thenRun(
                                    () -> { // ADK's response is gone: let the tool end
                                        h.gate.release();
                                        stopped.complete(null);
                                    });
                }
            };
            ChatResult r = h.client
                    .chat()
                    .send(
                            sid,
                            "[long] the intro",
                            ChatOptions.builder()
                                    .streaming(true)
                                    .stateCheck(false)
                                    .build(),
                            stopOnCall);
            stopped.get(); // completes: the listener saw the call
            assertThat(r.end()).isEqualTo(ChatEnd.TRANSPORT_CUT);
            assertThat(r.failure()).get().isInstanceOf(TransportException.class);
            WireRecord wire = h.gateway.lastRun().orElseThrow();
            assertThat(wire.cut()).as("ADK's stream was cut").isTrue();
            SdkMatchesAdk.assertSame("server stopped", AdkWire.events(wire.body()), r.events());
            assertThat(r.toolCalls()).extracting(ChatEvent.ToolCall::name).containsExactly("render_preview");
        }
    }
}
