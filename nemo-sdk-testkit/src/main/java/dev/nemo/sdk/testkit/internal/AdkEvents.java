package dev.nemo.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.sdk.testkit.HeartbeatStyle;
import dev.nemo.sdk.testkit.SseDialect;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * Builds ADK {@code Event} JSON (camelCase keys, {@code actions} with its four maps, author
 * {@code nemo_agent}) and frames it as SSE, in the shape of the recorded ADK streams (contract §8.5).
 */
public final class AdkEvents {
    /** The agent (and app) name. */
    public static final String AUTHOR = "nemo_agent";

    private final SseDialect dialect;
    private final Ids ids;
    private final Clock clock;

    /**
     * @param dialect framing and id/timestamp style
     * @param ids     id source
     * @param clock   timestamp source
     */
    public AdkEvents(SseDialect dialect, Ids ids, Clock clock) {
        this.dialect = dialect;
        this.ids = ids;
        this.clock = clock;
    }

    /** @return a new invocation id */
    public String invocationId() {
        return "e-" + ids.uuid();
    }

    /** @return a new function call id */
    public String callId() {
        return "adk-" + ids.uuid();
    }

    /**
     * @param invocation the invocation id
     * @param callId     the call id
     * @param name       the tool
     * @param args       its arguments
     * @return the event
     */
    public ObjectNode functionCall(String invocation, String callId, String name, ObjectNode args) {
        ObjectNode e = base(invocation);
        ObjectNode call = EmulatorJson.object();
        call.put("id", callId);
        call.set("args", args);
        call.put("name", name);
        content(e, "model").addObject().set("functionCall", call);
        return finish(e, EmulatorJson.object(), "STOP", null);
    }

    /**
     * @param invocation the invocation id
     * @param callId     the call id it answers
     * @param name       the tool
     * @param response   the tool's result
     * @param stateDelta state written by the tool (for example the new draft)
     * @return the event (content role {@code user}, author the agent, as ADK sends tool results)
     */
    public ObjectNode functionResponse(
            String invocation, String callId, String name, ObjectNode response, ObjectNode stateDelta) {
        ObjectNode e = base(invocation);
        ObjectNode r = EmulatorJson.object();
        r.put("id", callId);
        r.put("name", name);
        r.set("response", response);
        content(e, "user").addObject().set("functionResponse", r);
        return finish(e, stateDelta, null, null);
    }

    /**
     * @param invocation the invocation id
     * @param text       text chunk or whole answer
     * @param partial    whether it is a streaming chunk (the final aggregate is not partial)
     * @return the event
     */
    public ObjectNode text(String invocation, String text, boolean partial) {
        ObjectNode e = base(invocation);
        content(e, "model").addObject().put("text", text);
        return finish(e, EmulatorJson.object(), partial ? null : "STOP", partial ? Boolean.TRUE : null);
    }

    /**
     * @param invocation the invocation id
     * @return the final event of a silent edit: content with no parts
     */
    public ObjectNode emptyFinal(String invocation) {
        ObjectNode e = base(invocation);
        content(e, "model");
        return finish(e, EmulatorJson.object(), "STOP", null);
    }

    /**
     * @param invocation the invocation id
     * @param code       for example {@code SAFETY}
     * @param message    the error message
     * @return an event with {@code errorCode}/{@code errorMessage} and no content
     */
    public ObjectNode modelError(String invocation, String code, String message) {
        ObjectNode e = base(invocation);
        e.set("actions", actions(EmulatorJson.object()));
        e.put("errorCode", code);
        e.put("errorMessage", message);
        timestamp(e);
        return e;
    }

    /**
     * @param event an event
     * @return its SSE frame
     */
    public byte[] frame(JsonNode event) {
        String prefix = dialect == SseDialect.ADK_PYTHON ? "data: " : "data:";
        return (prefix + EmulatorJson.text(event) + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param message the error
     * @return ADK-Python's in-stream error payload frame
     */
    public byte[] errorFrame(String message) {
        ObjectNode e = EmulatorJson.object().put("error", message);
        return ("data: " + EmulatorJson.text(e) + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param style the heartbeat shape
     * @return one heartbeat's bytes
     */
    public byte[] heartbeat(HeartbeatStyle style) {
        switch (style) {
            case EVENT:
                return "event: heartbeat\r\ndata: \r\n\r\n".getBytes(StandardCharsets.UTF_8);
            case JSON:
                return "data: {\"type\":\"heartbeat\"}\r\n\r\n".getBytes(StandardCharsets.UTF_8);
            case EMPTY_DATA:
                return "data:\n\n".getBytes(StandardCharsets.UTF_8);
            case COMMENT:
            default:
                return (": ping - " + clock.instant() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        }
    }

    private ObjectNode base(String invocation) {
        ObjectNode e = EmulatorJson.object();
        e.put("id", dialect == SseDialect.ADK_PYTHON ? ids.alnum(8) : ids.uuid());
        e.put("invocationId", invocation);
        e.put("author", AUTHOR);
        return e;
    }

    private static com.fasterxml.jackson.databind.node.ArrayNode content(ObjectNode e, String role) {
        ObjectNode c = e.putObject("content");
        com.fasterxml.jackson.databind.node.ArrayNode parts = c.putArray("parts");
        c.put("role", role);
        return parts;
    }

    private ObjectNode finish(ObjectNode e, ObjectNode stateDelta, String finishReason, Boolean partial) {
        e.set("actions", actions(stateDelta));
        if (partial != null) {
            e.put("partial", partial);
        }
        if (finishReason != null) {
            e.put("finishReason", finishReason);
        }
        timestamp(e);
        return e;
    }

    private static ObjectNode actions(ObjectNode stateDelta) {
        ObjectNode a = EmulatorJson.object();
        a.set("stateDelta", stateDelta);
        a.putObject("artifactDelta");
        a.putObject("requestedAuthConfigs");
        a.putObject("requestedToolConfirmations");
        return a;
    }

    private void timestamp(ObjectNode e) {
        Instant now = clock.instant();
        if (dialect == SseDialect.ADK_PYTHON) {
            e.put(
                    "timestamp",
                    BigDecimal.valueOf(now.getEpochSecond()).add(BigDecimal.valueOf(now.getNano() / 1000, 6)));
        } else {
            e.put("timestamp", now.toEpochMilli());
        }
    }
}
