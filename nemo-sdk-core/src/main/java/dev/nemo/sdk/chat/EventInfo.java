package dev.nemo.sdk.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Instant;

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
 * @param raw          the JSON payload; a text node holding the data (or comment) when it was not JSON
 */
public record EventInfo(long sequence, String sseType, String id, String author, String invocationId,
                        Instant timestamp, boolean partial, JsonNode raw) {

    /**
     * Replaces a {@code null} payload with a missing node.
     *
     * @param sequence     0-based index of the Server-Sent Event (or comment) in the stream
     * @param sseType      the SSE event type ({@code message} unless the server set one), or {@code null} for a comment
     * @param id           the ADK event id, or {@code null}
     * @param author       the ADK author (the agent's name, or {@code user}), or {@code null}
     * @param invocationId the ADK invocation id, or {@code null}
     * @param timestamp    when the server created the event (seconds or milliseconds on the wire), or {@code null}
     * @param partial      whether the event is a token-level chunk of text that a later event repeats in full
     * @param raw          the JSON payload; a text node holding the data (or comment) when it was not JSON
     */
    public EventInfo {
        raw = raw == null ? MissingNode.getInstance() : raw;
    }
}
