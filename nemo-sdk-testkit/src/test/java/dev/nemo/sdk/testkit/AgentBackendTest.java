package dev.nemo.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.chat.ChatEnd;
import dev.nemo.sdk.chat.ChatListener;
import dev.nemo.sdk.chat.ChatOptions;
import dev.nemo.sdk.chat.ChatResult;
import dev.nemo.sdk.error.TransportException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The emulator delegating chat to an {@link AgentBackend}: sessions, relayed bytes, cuts, refusals and state. */
class AgentBackendTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVENT = "data:{\"id\":\"e1\",\"author\":\"nemo_agent\",\"content\":{\"parts\":"
            + "[{\"text\":\"from the agent\"}],\"role\":\"model\"},\"actions\":{\"stateDelta\":{}},\"timestamp\":1}\n\n";

    @TempDir
    Path dir;

    /** A scripted agent: what it answers, and what it was asked. */
    static final class FakeAgent implements AgentBackend {
        final List<String> sessions = new ArrayList<>();
        final List<JsonNode> bodies = new ArrayList<>();
        int status = 200;
        boolean cut;

        @Override
        public void createSession(String sessionId) {
            sessions.add(sessionId);
        }

        @Override
        public AgentResponse run(JsonNode body) {
            bodies.add(body);
            byte[] bytes = (status == 200 ? EVENT : "").getBytes(StandardCharsets.UTF_8);
            InputStream in = new ByteArrayInputStream(bytes);
            if (cut) {
                in = new java.io.SequenceInputStream(in, new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("agent connection reset");
                    }
                });
            }
            return new AgentResponse(status, status == 200 ? "text/event-stream" : null, in);
        }

        @Override
        public Optional<JsonNode> state(String sessionId) {
            com.fasterxml.jackson.databind.node.ObjectNode state = JSON.createObjectNode();
            state.putObject("draft").putArray("t").addObject().put("tt", 7);
            return Optional.of(state);
        }
    }

    @Test
    void chatGoesToTheAgentAndItsStateOverlaysTheEmulators() {
        FakeAgent agent = new FakeAgent();
        try (NemoEmulator emulator = NemoEmulator.start(
                        EmulatorOptions.builder().agentBackend(agent).build());
                NemoClient client = emulator.clientBuilder(dir).build()) {
            String sid = client.sessions().create().sessionId();
            assertThat(agent.sessions).containsExactly(sid);

            ChatResult r = client.chat()
                    .send(sid, "hello", ChatOptions.builder().stateCheck(false).build(), ChatListener.none());
            assertThat(r.end()).isEqualTo(ChatEnd.COMPLETED_WITH_TEXT);
            assertThat(r.text()).isEqualTo("from the agent");
            assertThat(agent.bodies).singleElement().satisfies(b -> {
                assertThat(b.path("session_id").asText()).isEqualTo(sid);
                assertThat(b.at("/new_message/parts/0/text").asText()).isEqualTo("hello");
            });
            assertThat(client.state().get(sid).draft().orElseThrow().tracks()).hasSize(1);

            agent.cut = true;
            ChatResult cut = client.chat()
                    .send(sid, "again", ChatOptions.builder().stateCheck(false).build(), ChatListener.none());
            assertThat(cut.end()).isEqualTo(ChatEnd.TRANSPORT_CUT);
            assertThat(cut.failure()).get().isInstanceOf(TransportException.class);
            assertThat(cut.text()).isEqualTo("from the agent");
        }
    }
}
