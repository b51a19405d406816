package dev.nemo.sdk.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.adk.events.Event;
import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.chat.ChatEnd;
import dev.nemo.sdk.chat.ChatEvent;
import dev.nemo.sdk.chat.ChatResult;
import dev.nemo.sdk.conformance.agent.NemoAgent;
import dev.nemo.sdk.draft.Draft;
import dev.nemo.sdk.state.SessionState;
import dev.nemo.sdk.testkit.EmulatorOptions;
import dev.nemo.sdk.testkit.NemoEmulator;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The testkit emulator runs the NemoVideo API in front of a real ADK agent: the SDK gets its token
 * and session from the emulator, chats with the ADK agent through it, and reads the draft the ADK
 * tool wrote from the emulator's state endpoint.
 */
class EmulatorDelegatesToAdkTest {
    @TempDir
    Path dir;

    @Test
    void emulatorInFrontOfARealAdkAgent() {
        try (AdkAgentBackend adk = AdkAgentBackend.start();
                NemoEmulator emulator = NemoEmulator.start(
                        EmulatorOptions.builder().agentBackend(adk).build());
                NemoClient client = emulator.clientBuilder(dir).build()) {
            String sid = client.sessions().create().sessionId();

            ChatResult edit = client.chat().send(sid, "[edit] Urban Dreams");
            assertThat(edit.end()).isEqualTo(ChatEnd.COMPLETED_WITH_TEXT);
            assertThat(edit.text()).isEqualTo("Done: Urban Dreams (0-3s).");
            assertThat(edit.toolCalls()).extracting(ChatEvent.ToolCall::name).containsExactly("edit_multitrack");
            assertStoredByAdk(adk, sid, edit);

            ChatResult silent = client.chat().send(sid, "[silent] Second title");
            assertThat(silent.end()).isEqualTo(ChatEnd.COMPLETED_SILENTLY);
            assertThat(silent.stateChange())
                    .get()
                    .satisfies(d -> assertThat(d.isEmpty()).isFalse());
            SessionState state = client.state().get(sid);
            Draft draft = state.draft().orElseThrow();
            assertThat(draft.tracks()).hasSize(2);
            assertThat(draft.track(1).segments().get(0).text()).contains("Second title");
            assertThat(emulator.requests()).as("the emulator served every call").isNotEmpty();
        }
    }

    /** Every complete event the SDK saw is one the ADK runner stored for that session. */
    private static void assertStoredByAdk(AdkAgentBackend adk, String sid, ChatResult r) {
        List<Event> stored = adk.server()
                .sessionService()
                .getSession(NemoAgent.NAME, "me", sid, Optional.empty())
                .blockingGet()
                .events();
        assertThat(r.events())
                .filteredOn(e -> !e.info().partial())
                .allSatisfy(e -> assertThat(stored)
                        .anySatisfy(s -> assertThat(s.id()).isEqualTo(e.info().id())));
    }
}
