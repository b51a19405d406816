package dev.nemo.sdk.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.error.DecodeException;
import dev.nemo.sdk.error.ErrorDetails;
import dev.nemo.sdk.internal.http.ApiRequest;
import dev.nemo.sdk.internal.http.HttpPipeline;
import dev.nemo.sdk.internal.json.Json;
import dev.nemo.sdk.internal.json.JsonNodes;
import dev.nemo.sdk.session.CreateSessionRequest;
import dev.nemo.sdk.session.Session;
import dev.nemo.sdk.session.SessionsApi;
import java.util.concurrent.CompletableFuture;

/** {@code POST /api/tasks/me/with-session/nemo_agent}. */
public final class DefaultSessionsApi implements SessionsApi {
    /** The endpoint. */
    public static final String PATH = "/api/tasks/me/with-session/nemo_agent";

    private final HttpPipeline transport;

    /** @param transport the transport */
    public DefaultSessionsApi(HttpPipeline transport) {
        this.transport = transport;
    }

    @Override
    public Session create(CreateSessionRequest request, RequestOptions options) {
        return transport.send(request(request, options), DefaultSessionsApi::decode);
    }

    @Override
    public CompletableFuture<Session> createAsync(CreateSessionRequest request, RequestOptions options) {
        return transport.sendAsync(request(request, options), DefaultSessionsApi::decode);
    }

    private static ApiRequest request(CreateSessionRequest request, RequestOptions options) {
        ObjectNode body = Json.newObject().put("task_name", request.taskName());
        if (request.language() != null && !request.language().isBlank()) {
            body.put("language", request.language());
        }
        return ApiRequest.postJson(PATH, Json.write(body)).withOptions(options);
    }

    static Session decode(JsonNode data) {
        String sessionId = JsonNodes.text(data, "session_id").orElse(null);
        String taskId = JsonNodes.firstText(data, "task_id", "taskId").orElse(null);
        if (sessionId == null || taskId == null) {
            throw new DecodeException(
                    "The new-session response lacks " + (sessionId == null ? "session_id" : "task_id"),
                    ErrorDetails.request("POST", PATH).withStatus(200),
                    null);
        }
        return new Session(taskId, sessionId, JsonNodes.text(data, "user_id").orElse(null));
    }
}
