package dev.nemo.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.sdk.testkit.AgentBackend;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Map;

/**
 * Runs a chat message on an {@link AgentBackend} and relays its answer byte for byte as it
 * arrives; when the agent's stream breaks, the client's connection is cut too.
 */
final class AgentRelay {
    private AgentRelay() {}

    static void run(AgentBackend backend, JsonNode body, Call call) throws IOException {
        AgentBackend.AgentResponse r = backend.run(body);
        try (InputStream in = r.body()) {
            if (r.status() != 200) {
                byte[] b = in.readAllBytes();
                call.raw(r.status(), r.contentType(), b);
                return;
            }
            OutputStream out = call.stream(200, r.contentType() != null ? r.contentType() : "text/event-stream");
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = in.read(buf)) != -1; ) {
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException agentCut) {
                throw new Call.Drop("the agent's stream broke: " + agentCut.getMessage());
            }
        }
    }

    /** Overlays the agent's state keys on the emulator's state object. */
    static void overlay(ObjectNode state, JsonNode agentState) {
        if (agentState == null || !agentState.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = agentState.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            state.set(e.getKey(), e.getValue().deepCopy());
        }
    }
}
