package dev.nemo.sdk.chat;

import dev.nemo.sdk.json.JsonNull;
import dev.nemo.sdk.json.JsonNumber;
import dev.nemo.sdk.json.JsonObject;
import dev.nemo.sdk.json.JsonValue;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where a {@link ChatEvent} came from: its position in the stream, the Server-Sent Event that
 * carried it, the ADK event fields every event kind shares, and the raw payload. Several chat
 * events decoded from one ADK event (say, a text part and a function call) share one
 * {@code EventInfo}, so {@link #sequence()} groups them back together.
 *
 * @param sequence     0-based index of the Server-Sent Event (or comment) in the stream
 * @param sseType      the SSE event type ({@code message} unless the server set one), or {@code null} for a comment
 * @param id           the ADK event id, or {@code null}
 * @param author       the ADK author (the agent's name, or {@code user}), or {@code null}
 * @param invocationId the ADK invocation id, or {@code null}
 * @param timestamp    when the server created the event (seconds or milliseconds on the wire), or {@code null}
 * @param partial      whether the event is a token-level chunk of text that a later event repeats in full
 * @param raw          the JSON payload; a JSON string holding the data (or comment) when it was not JSON
 */
public record EventInfo(long sequence, @Nullable String sseType, @Nullable String id, @Nullable String author,
                        @Nullable String invocationId, @Nullable Instant timestamp, boolean partial, JsonValue raw) {

    /**
     * Replaces a {@code null} payload with JSON {@code null}.
     *
     * @param sequence     0-based index of the Server-Sent Event (or comment) in the stream
     * @param sseType      the SSE event type ({@code message} unless the server set one), or {@code null} for a comment
     * @param id           the ADK event id, or {@code null}
     * @param author       the ADK author (the agent's name, or {@code user}), or {@code null}
     * @param invocationId the ADK invocation id, or {@code null}
     * @param timestamp    when the server created the event (seconds or milliseconds on the wire), or {@code null}
     * @param partial      whether the event is a token-level chunk of text that a later event repeats in full
     * @param raw          the JSON payload; a JSON string holding the data (or comment) when it was not JSON
     */
    public EventInfo {
        raw = raw == null ? JsonNull.INSTANCE : raw;
    }

    /**
     * Why the model stopped, as ADK reports it on the event ({@code STOP}, {@code SAFETY},
     * {@code MAX_TOKENS}, …). ADK-Java sends it on the final text event of a turn, on a
     * function-call event and with a model error.
     *
     * @return the ADK {@code finishReason}, or {@code null} when the event has none
     */
    public @Nullable String finishReason() {
        return raw.get("finishReason").flatMap(v -> v.asString().or(() -> v.asNumber().map(JsonNumber::toJson)))
                .orElse(null);
    }

    /** {@return whether the ADK event says {@code turnComplete: true} (live runs; never sent on a plain {@code /run_sse})} */
    public boolean turnComplete() {
        return raw.get("turnComplete").flatMap(JsonValue::asBoolean).orElse(false);
    }

    /**
     * The session-state change the event carries ({@code actions.stateDelta}): how a tool such as
     * {@code edit_multitrack} writes the draft. The server applies it to the session; read the new
     * state with {@link dev.nemo.sdk.state.StateApi}.
     *
     * @return the delta object; empty when the event changes no state
     */
    public JsonObject stateDelta() {
        return raw.get("actions").flatMap(a -> a.get("stateDelta")).flatMap(JsonValue::asObject)
                .orElse(JsonObject.empty());
    }
}
