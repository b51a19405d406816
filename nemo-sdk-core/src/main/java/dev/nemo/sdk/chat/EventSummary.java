package dev.nemo.sdk.chat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.sdk.internal.json.Json;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One event payload of a stream, summarised the way ADK itself reads it: who wrote it, whether
 * it is a partial chunk, its visible text, the tools it calls and answers, and its error.
 * {@link ChatEvents#summarize} builds these from decoded events; {@link #toJson()} prints one.
 *
 * @param sequence          index of the Server-Sent Event in the stream
 * @param author            the ADK author, or {@code null}
 * @param partial           whether it is a partial chunk
 * @param text              the visible (non-thought) text parts joined with no separator, {@code ""} if none
 * @param functionCalls     names of the tools called, in order
 * @param functionResponses names of the tools answered, in order
 * @param errorCode         the model error code (or the stream error's type), or {@code null}
 * @param errorMessage      the model or stream error message, or {@code null}
 */
public record EventSummary(
        long sequence,
        @Nullable String author,
        boolean partial,
        String text,
        List<String> functionCalls,
        List<String> functionResponses,
        @Nullable String errorCode,
        @Nullable String errorMessage) {

    /**
     * Validates and copies.
     *
     * @param sequence          index of the Server-Sent Event in the stream
     * @param author            the ADK author, or {@code null}
     * @param partial           whether it is a partial chunk
     * @param text              the visible (non-thought) text parts joined with no separator, {@code ""} if none
     * @param functionCalls     names of the tools called, in order
     * @param functionResponses names of the tools answered, in order
     * @param errorCode         the model error code (or the stream error's type), or {@code null}
     * @param errorMessage      the model or stream error message, or {@code null}
     */
    public EventSummary {
        Objects.requireNonNull(text, "text");
        functionCalls = List.copyOf(functionCalls);
        functionResponses = List.copyOf(functionResponses);
    }

    /**
     * {@return one line of JSON with the keys {@code author}, {@code partial}, {@code text}, {@code functionCalls}, {@code functionResponses}, {@code errorCode} and {@code errorMessage}}
     */
    public String toJson() {
        ObjectNode o = Json.newObject();
        o.put("author", author);
        o.put("partial", partial);
        o.put("text", text);
        ArrayNode calls = o.putArray("functionCalls");
        functionCalls.forEach(calls::add);
        ArrayNode responses = o.putArray("functionResponses");
        functionResponses.forEach(responses::add);
        o.put("errorCode", errorCode);
        o.put("errorMessage", errorMessage);
        return Json.writeString(o);
    }
}
