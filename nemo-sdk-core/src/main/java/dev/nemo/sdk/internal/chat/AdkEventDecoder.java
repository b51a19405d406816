package dev.nemo.sdk.internal.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.nemo.sdk.chat.ChatEvent.Heartbeat;
import dev.nemo.sdk.chat.ChatEvent.Other;
import dev.nemo.sdk.chat.ChatEvent;
import dev.nemo.sdk.chat.EventInfo;
import dev.nemo.sdk.internal.json.Json;
import dev.nemo.sdk.internal.json.JsonNodes;
import dev.nemo.sdk.internal.json.JsonValues;
import dev.nemo.sdk.internal.sse.SseEvent;
import dev.nemo.sdk.internal.sse.SseHandler;
import dev.nemo.sdk.json.JsonNull;
import dev.nemo.sdk.json.JsonValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Turns decoded Server-Sent Events into {@link ChatEvent}s. It understands ADK {@code Event}
 * JSON (contract §7.2), ADK-Python's in-stream {@code {"error": …}} objects, the older
 * {@code {"type": "text" | "tool_call" | "tool_result" | "heartbeat"}} objects, and the
 * heartbeat forms of gateways (comments, {@code event: heartbeat}, empty data). Anything else
 * becomes {@link Other}; decoding never fails on content.
 */
public final class AdkEventDecoder implements SseHandler {
    private static final Set<String> HEARTBEAT_TYPES = Set.of("heartbeat", "ping", "keepalive", "keep-alive");
    /** ADK timestamps below this are seconds (Python), above it milliseconds (Java). */
    private static final BigDecimal SECONDS_LIMIT = new BigDecimal("1e11");

    private final boolean partialText;
    private final Consumer<? super ChatEvent> sink;
    private long sequence;

    /**
     * Creates it from its parts.
     *
     * @param partialText whether partial (token-level) text is agent text; otherwise it is {@link Other}
     * @param sink        receiver of the decoded events, in order
     */
    public AdkEventDecoder(boolean partialText, Consumer<? super ChatEvent> sink) {
        this.partialText = partialText;
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    public void onComment(String comment) {
        sink.accept(new Heartbeat(Heartbeat.Source.COMMENT,
                new EventInfo(sequence++, null, null, null, null, null, false, JsonValue.of(comment))));
    }

    @Override
    public void onEvent(SseEvent event) {
        long seq = sequence++;
        String type = event.type();
        byte[] data = event.dataBytes();
        int length = event.dataLength();
        int start = skipWhitespace(data, length);
        if (HEARTBEAT_TYPES.contains(type.toLowerCase(Locale.ROOT))) {
            JsonNode raw = start < length ? parse(data, start, length) : null;
            sink.accept(new Heartbeat(Heartbeat.Source.EVENT_TYPE, bare(seq, type,
                    raw != null ? raw : TextNode.valueOf(event.data()))));
            return;
        }
        if (start == length) {
            sink.accept(new Heartbeat(Heartbeat.Source.EMPTY_DATA, bare(seq, type, TextNode.valueOf(event.data()))));
            return;
        }
        JsonNode node = parse(data, start, length);
        if (node == null || !node.isObject()) {
            sink.accept(new Other(Other.Reason.NOT_JSON, bare(seq, type, node != null ? node
                    : TextNode.valueOf(event.data()))));
            return;
        }
        decodeObject(node, info(seq, type, node));
    }

    private void decodeObject(JsonNode node, EventInfo info) {
        String type = textOrNull(node.get("type"));
        if (type != null && decodeTyped(type.toLowerCase(Locale.ROOT), node, info)) {
            return;
        }
        if (node.has("error") && !node.hasNonNull("content")) {
            sink.accept(new ChatEvent.StreamError(errorText(node.get("error")), value(node.get("error_details")), info));
            return;
        }
        decodeAdk(node, info);
    }

    /** The older {@code {"type": …}} objects; returns whether the type was recognised. */
    private boolean decodeTyped(String type, JsonNode node, EventInfo info) {
        switch (type) {
            case "heartbeat", "ping", "keepalive", "keep-alive" ->
                    sink.accept(new Heartbeat(Heartbeat.Source.JSON, info));
            case "text" -> {
                String text = firstText(node, "content", "text");
                if (text == null || text.isEmpty()) {
                    sink.accept(new Other(Other.Reason.EMPTY, info));
                } else {
                    emitText(text, info);
                }
            }
            case "tool_call", "function_call" ->
                    sink.accept(new ChatEvent.ToolCall(firstText(node, "id", "call_id"), orEmpty(firstText(node, "name")),
                            value(JsonNodes.first(node, "args", "arguments")), info));
            case "tool_result", "function_response" ->
                    sink.accept(new ChatEvent.ToolResult(firstText(node, "id", "call_id"), orEmpty(firstText(node, "name")),
                            value(JsonNodes.first(node, "result", "response", "content")), info));
            case "error" -> sink.accept(new ChatEvent.StreamError(orEmpty(firstText(node, "message", "error", "content")),
                    value(node.get("error_details")), info));
            default -> {
                return false;
            }
        }
        return true;
    }

    private void decodeAdk(JsonNode node, EventInfo info) {
        JsonNode content = node.get("content");
        JsonNode parts = content == null ? null : content.get("parts");
        StringBuilder text = new StringBuilder();
        boolean thought = false;
        boolean unsupported = false;
        List<ChatEvent> tools = new ArrayList<>(0);
        if (parts != null && parts.isArray()) {
            for (JsonNode part : parts) {
                String t = textOrNull(part.get("text"));
                JsonNode call = part.get("functionCall");
                JsonNode response = part.get("functionResponse");
                if (t != null) {
                    if (isTrue(part.get("thought"))) {
                        thought = true;
                    } else {
                        text.append(t);
                    }
                } else if (call != null && call.isObject()) {
                    tools.add(new ChatEvent.ToolCall(textOrNull(call.get("id")), orEmpty(textOrNull(call.get("name"))),
                            value(call.get("args")), info));
                } else if (response != null && response.isObject()) {
                    tools.add(new ChatEvent.ToolResult(textOrNull(response.get("id")),
                            orEmpty(textOrNull(response.get("name"))), value(response.get("response")), info));
                } else {
                    unsupported = true;
                }
            }
        }
        Other.@Nullable Reason hidden = null;
        boolean emitted = false;
        if (text.length() > 0) {
            hidden = emitText(text.toString(), info);
            emitted = hidden == null;
        }
        for (ChatEvent e : tools) {
            sink.accept(e);
            emitted = true;
        }
        String errorCode = textOrNull(node.get("errorCode"));
        String errorMessage = textOrNull(node.get("errorMessage"));
        if (errorCode != null || errorMessage != null) {
            sink.accept(new ChatEvent.ModelError(errorCode, errorMessage, info));
            emitted = true;
        }
        if (!emitted) {
            Other.Reason reason = hidden != null ? hidden
                    : thought ? Other.Reason.THOUGHT
                    : unsupported ? Other.Reason.UNSUPPORTED_PARTS
                    : looksLikeAdk(node) ? Other.Reason.EMPTY
                    : Other.Reason.UNRECOGNIZED;
            sink.accept(new Other(reason, info));
        }
    }

    /** Emits agent text, or returns why it is hidden (without emitting anything). */
    private Other.@Nullable Reason emitText(String text, EventInfo info) {
        if ("user".equals(info.author())) {
            return Other.Reason.USER_CONTENT;
        }
        if (info.partial() && !partialText) {
            return Other.Reason.PARTIAL_TEXT;
        }
        sink.accept(new ChatEvent.AgentText(text, info));
        return null;
    }

    private static boolean looksLikeAdk(JsonNode node) {
        return node.has("content") || node.has("author") || node.has("invocationId") || node.has("actions");
    }

    private static EventInfo bare(long seq, String type, JsonNode raw) {
        return new EventInfo(seq, type, null, null, null, null, false, JsonValues.fromJackson(raw));
    }

    /** A part of the payload for an event's fields; absent is JSON {@code null}. */
    private static JsonValue value(@Nullable JsonNode part) {
        return part == null ? JsonNull.INSTANCE : JsonValues.fromJackson(part);
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }

    private static EventInfo info(long seq, String type, JsonNode node) {
        return new EventInfo(seq, type, textOrNull(node.get("id")), textOrNull(node.get("author")),
                textOrNull(node.get("invocationId")), timestamp(node.get("timestamp")), isTrue(node.get("partial")),
                JsonValues.fromJackson(node));
    }

    /**
     * Reads an ADK timestamp: a number of seconds (ADK-Python, with a fraction) or of milliseconds
     * (ADK-Java); values below 1e11 are seconds. Numeric strings and ISO-8601 text are accepted too.
     *
     * @param v the JSON value, or {@code null}
     * @return the instant, or {@code null} when absent or unreadable
     */
    static @Nullable Instant timestamp(@Nullable JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            BigDecimal d;
            if (v.isNumber()) {
                d = v.decimalValue();
            } else if (v.isTextual()) {
                String s = v.textValue().strip();
                try {
                    d = new BigDecimal(s);
                } catch (NumberFormatException e) {
                    return Instant.parse(s);
                }
            } else {
                return null;
            }
            BigDecimal seconds = d.abs().compareTo(SECONDS_LIMIT) < 0 ? d : d.movePointLeft(3);
            BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
            long nanos = seconds.subtract(whole).movePointRight(9).setScale(0, RoundingMode.HALF_UP)
                    .longValueExact();
            return Instant.ofEpochSecond(whole.longValueExact(), nanos);
        } catch (ArithmeticException | DateTimeException e) {
            return null;
        }
    }

    /**
     * The text a user would see in one event payload: the non-thought text parts of an ADK event
     * joined with no separator, or the text of an older {@code {"type":"text"}} object.
     *
     * @param node an event payload
     * @return the text, {@code ""} when none
     */
    public static String visibleText(JsonNode node) {
        if (node == null || !node.isObject()) {
            return "";
        }
        String type = textOrNull(node.get("type"));
        if ("text".equalsIgnoreCase(type)) {
            String t = firstText(node, "content", "text");
            return t == null ? "" : t;
        }
        JsonNode content = node.get("content");
        JsonNode parts = content == null ? null : content.get("parts");
        StringBuilder sb = new StringBuilder();
        if (parts != null && parts.isArray()) {
            for (JsonNode part : parts) {
                String t = textOrNull(part.get("text"));
                if (t != null && !isTrue(part.get("thought"))) {
                    sb.append(t);
                }
            }
        }
        return sb.toString();
    }

    private static String errorText(@Nullable JsonNode error) {
        if (error == null || error.isNull()) {
            return "";
        }
        if (error.isTextual()) {
            return error.textValue();
        }
        String m = firstText(error, "message", "error_message", "detail");
        return m != null ? m : error.toString();
    }

    private static @Nullable JsonNode parse(byte[] data, int start, int end) {
        try {
            return Json.mapper().readTree(data, start, end - start);
        } catch (IOException | RuntimeException e) {
            // malformed UTF-8 inside an otherwise valid payload: read it as the WHATWG rules decode it
            try {
                return Json.mapper().readTree(new String(data, start, end - start,
                        StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException again) {
                return null;
            }
        }
    }

    private static int skipWhitespace(byte[] d, int length) {
        int i = 0;
        while (i < length && (d[i] == ' ' || d[i] == '\t' || d[i] == '\n' || d[i] == '\r')) {
            i++;
        }
        return i;
    }

    private static boolean isTrue(@Nullable JsonNode v) {
        return v != null && (v.isBoolean() ? v.booleanValue() : v.isTextual() && "true".equalsIgnoreCase(v.textValue()));
    }

    private static @Nullable String textOrNull(@Nullable JsonNode v) {
        if (v == null || v.isNull() || v.isContainerNode() || v.isMissingNode()) {
            return null;
        }
        return v.isTextual() ? v.textValue() : v.asText();
    }

    private static @Nullable String firstText(JsonNode node, String... names) {
        for (String n : names) {
            String t = textOrNull(node.get(n));
            if (t != null) {
                return t;
            }
        }
        return null;
    }
}
