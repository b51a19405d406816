package dev.nemo.sdk.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.adk.agents.BaseAgent;
import dev.nemo.sdk.conformance.agent.Gate;
import dev.nemo.sdk.conformance.agent.NemoAgent;
import dev.nemo.sdk.conformance.gateway.AdkBridge;
import dev.nemo.sdk.testkit.AgentBackend;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * Runs the testkit emulator's chat on a real ADK-Java agent:
 * {@code EmulatorOptions.builder().agentBackend(AdkAgentBackend.start())}. Each emulator session
 * gets an ADK session of the same id (user {@code me}); {@code /run_sse} goes to ADK with the
 * snake_case body translated and comes back byte for byte; the state endpoint shows ADK's session
 * state (the draft the tools wrote) over the emulator's own keys.
 */
public final class AdkAgentBackend implements AgentBackend, AutoCloseable {
    private static final String USER = "me";
    private final AdkServer server;
    private final AdkBridge bridge;
    private final Gate gate;

    private AdkAgentBackend(AdkServer server, String app, Gate gate) {
        this.server = server;
        this.bridge = new AdkBridge(server.baseUri(), app);
        this.gate = gate;
    }

    /**
     * Starts an ADK server with the scripted {@code nemo_agent} of this module (see
     * {@link dev.nemo.sdk.conformance.agent.NemoAgent}: tags such as {@code [edit]} or
     * {@code [silent]} at the start of a message pick its behaviour).
     *
     * @return the backend; close it to stop the server
     */
    public static AdkAgentBackend start() {
        Gate gate = new Gate();
        return new AdkAgentBackend(AdkServer.start(NemoAgent.create(gate)), NemoAgent.NAME, gate);
    }

    /**
     * Starts an ADK server with any agent; its name is the app name.
     *
     * @param agent the agent
     * @return the backend; close it to stop the server
     */
    public static AdkAgentBackend start(BaseAgent agent) {
        return new AdkAgentBackend(AdkServer.start(agent), agent.name(), new Gate());
    }

    /** @return the ADK server */
    public AdkServer server() {
        return server;
    }

    /** @return the gate that holds the scripted agent's long-running tool ({@code [long]}) */
    public Gate gate() {
        return gate;
    }

    @Override
    public void createSession(String sessionId) throws IOException {
        try {
            bridge.createSession(
                    USER, sessionId, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public AgentResponse run(JsonNode body) throws IOException {
        HttpResponse<InputStream> r = bridge.runSse(bridge.translate(body));
        return new AgentResponse(
                r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
    }

    @Override
    public Optional<JsonNode> state(String sessionId) throws IOException {
        try {
            JsonNode session = bridge.session(USER, sessionId);
            return session == null ? Optional.empty() : Optional.of(session.path("state"));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Stops the ADK server. */
    @Override
    public void close() {
        gate.release();
        server.close();
    }
}
