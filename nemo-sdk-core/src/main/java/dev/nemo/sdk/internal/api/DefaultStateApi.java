package dev.nemo.sdk.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.error.DecodeException;
import dev.nemo.sdk.error.ErrorDetails;
import dev.nemo.sdk.internal.http.ApiRequest;
import dev.nemo.sdk.internal.http.HttpPipeline;
import dev.nemo.sdk.internal.json.JsonValues;
import dev.nemo.sdk.state.SessionState;
import dev.nemo.sdk.state.StateApi;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** {@code GET /api/state/nemo_agent/me/<sid>/latest}. */
public final class DefaultStateApi implements StateApi {
    private final HttpPipeline transport;

    /** @param transport the transport */
    public DefaultStateApi(HttpPipeline transport) {
        this.transport = transport;
    }

    /**
     * {@return the state path of that session}
     *
     * @param sessionId a session id
     */
    public static String path(String sessionId) {
        return "/api/state/nemo_agent/me/" + PathEncoding.segment(sessionId, "sessionId") + "/latest";
    }

    @Override
    public SessionState get(String sessionId, RequestOptions options) {
        String path = path(sessionId);
        Objects.requireNonNull(options, "options");
        return transport.send(ApiRequest.get(path).withOptions(options), data -> decode(path, data));
    }

    @Override
    public CompletableFuture<SessionState> getAsync(String sessionId, RequestOptions options) {
        String path = path(sessionId);
        Objects.requireNonNull(options, "options");
        return transport.sendAsync(ApiRequest.get(path).withOptions(options), data -> decode(path, data));
    }

    static SessionState decode(String path, JsonNode data) {
        if (data == null || data.isNull() || data.isMissingNode()) {
            // a session with nothing in it yet
            return SessionState.empty();
        }
        if (!data.isObject()) {
            throw new DecodeException(
                    "The session state response's data is a "
                            + data.getNodeType().name().toLowerCase(Locale.ROOT) + ", not an object",
                    ErrorDetails.request("GET", path).withStatus(200),
                    null);
        }
        return SessionState.of(JsonValues.fromJackson((ObjectNode) data));
    }
}
