package dev.nemo.sdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * The agent behind the emulator's {@code /run_sse}, in place of its built-in rule-based agent: for
 * example a real Google ADK agent (the {@code nemo-sdk-conformance} module provides one). The
 * emulator keeps doing everything else (tokens, credits balance, sessions, uploads, renders) and
 * delegates three things: creating the agent's session with each new emulator session, running
 * each chat message, and the agent's session state, whose keys (the {@code draft} a tool wrote,
 * say) overlay the emulator's own in {@code GET /api/state/…/latest}.
 *
 * <p>Pre-stream faults on {@link Endpoint#RUN_SSE} (error codes, statuses, dropped connections)
 * still apply; stream faults (heartbeats, cuts, model errors) are the backend's business, as are
 * credits: a delegated chat costs none.
 */
public interface AgentBackend {

    /**
     * Creates the agent's session for a new emulator session.
     *
     * @param sessionId the emulator's session id, to reuse as the agent's
     * @throws IOException when the agent cannot be reached
     */
    void createSession(String sessionId) throws IOException;

    /**
     * Runs one chat message.
     *
     * @param body the {@code /run_sse} body exactly as the client sent it (NemoVideo's snake_case shape)
     * @return the agent's answer; the emulator relays its body as it arrives, and cuts the client's
     *         connection when reading it fails
     * @throws IOException when the agent cannot be reached
     */
    AgentResponse run(JsonNode body) throws IOException;

    /**
     * @param sessionId the session
     * @return the agent's session state (an object), or empty when the agent has none
     * @throws IOException when the agent cannot be reached
     */
    Optional<JsonNode> state(String sessionId) throws IOException;

    /**
     * An agent's HTTP answer to one message.
     *
     * @param status      the HTTP status
     * @param contentType the content type, or {@code null}
     * @param body        the body, read and closed by the emulator
     */
    record AgentResponse(int status, String contentType, InputStream body) {
        /** Checks the body. */
        public AgentResponse {
            Objects.requireNonNull(body, "body");
        }
    }
}
