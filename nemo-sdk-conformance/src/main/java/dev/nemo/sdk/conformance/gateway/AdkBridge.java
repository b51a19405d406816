package dev.nemo.sdk.conformance.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Talks to a real ADK-Java server for the NemoVideo API: creates ADK sessions, reads their
 * state, and opens {@code /run_sse} with the NemoVideo (snake_case) body translated to ADK-Java's
 * camelCase {@code AgentRunRequest}.
 */
public final class AdkBridge {
    static final ObjectMapper JSON = new ObjectMapper();
    private final URI adk;
    private final String app;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /**
     * @param adk the ADK server, {@code http://127.0.0.1:<port>}
     * @param app the app (agent) name
     */
    public AdkBridge(URI adk, String app) {
        this.adk = adk;
        this.app = app;
    }

    /** @return the app name */
    public String app() {
        return app;
    }

    /**
     * Creates an ADK session ({@code POST /apps/<app>/users/<user>/sessions/<sid>}).
     *
     * @param user      the user id
     * @param sessionId the id to create
     * @param state     the initial state
     */
    public void createSession(String user, String sessionId, ObjectNode state) {
        ObjectNode body = JSON.createObjectNode();
        body.set("state", state);
        HttpResponse<String> r = send(HttpRequest.newBuilder(sessionUri(user, sessionId))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("ADK refused to create session " + sessionId + ": HTTP " + r.statusCode());
        }
    }

    /**
     * @param user      the user id
     * @param sessionId the session
     * @return ADK's Session JSON, or {@code null} when ADK does not know it
     */
    public JsonNode session(String user, String sessionId) {
        HttpResponse<String> r =
                send(HttpRequest.newBuilder(sessionUri(user, sessionId)).GET().build());
        if (r.statusCode() == 404) {
            return null;
        }
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Translates a NemoVideo {@code /run_sse} body (snake_case, no role) to ADK-Java's camelCase request.
     *
     * @param nemo the body the SDK sent
     * @return the body for ADK
     */
    public ObjectNode translate(JsonNode nemo) {
        ObjectNode out = JSON.createObjectNode();
        out.put("appName", text(nemo, "app_name", app));
        out.put("userId", text(nemo, "user_id", "me"));
        out.put("sessionId", text(nemo, "session_id", null));
        ObjectNode message = JSON.createObjectNode();
        message.put("role", "user");
        message.set("parts", nemo.path("new_message").path("parts").deepCopy());
        out.set("newMessage", message);
        out.put("streaming", nemo.path("streaming").asBoolean(false));
        if (nemo.path("state_delta").isObject()) {
            out.set("stateDelta", nemo.get("state_delta").deepCopy());
        }
        return out;
    }

    /**
     * Opens ADK's {@code /run_sse}.
     *
     * @param adkBody the camelCase body
     * @return the response, its body not yet read
     * @throws IOException when ADK cannot be reached
     */
    public HttpResponse<InputStream> runSse(ObjectNode adkBody) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(adk.resolve("/run_sse"))
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(adkBody.toString(), StandardCharsets.UTF_8))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private URI sessionUri(String user, String sessionId) {
        return adk.resolve("/apps/" + app + "/users/" + user + "/sessions/" + sessionId);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String text(JsonNode n, String field, String fallback) {
        JsonNode v = n.get(field);
        return v != null && v.isTextual() ? v.textValue() : fallback;
    }
}
