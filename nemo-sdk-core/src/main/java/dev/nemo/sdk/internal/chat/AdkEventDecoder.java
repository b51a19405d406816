package dev.nemo.sdk.internal.chat;

import static dev.nemo.sdk.internal.chat.AdkFields.first;
import static dev.nemo.sdk.internal.chat.AdkFields.firstText;
import static dev.nemo.sdk.internal.chat.AdkFields.get;
import static dev.nemo.sdk.internal.chat.AdkFields.has;
import static dev.nemo.sdk.internal.chat.AdkFields.hasNonNull;
import static dev.nemo.sdk.internal.chat.AdkFields.isTrue;
import static dev.nemo.sdk.internal.chat.AdkFields.jacksonText;
import static dev.nemo.sdk.internal.chat.AdkFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nemo.sdk.chat.ChatEvent;
import dev.nemo.sdk.chat.ChatEvent.Heartbeat;
import dev.nemo.sdk.chat.ChatEvent.Other;
import dev.nemo.sdk.chat.EventInfo;
import dev.nemo.sdk.internal.json.JsonValueReader;
import dev.nemo.sdk.internal.json.JsonValues;
import dev.nemo.sdk.internal.sse.SseEvent;
import dev.nemo.sdk.internal.sse.SseHandler;
import dev.nemo.sdk.json.JsonArray;
import dev.nemo.sdk.json.JsonNull;
import dev.nemo.sdk.json.JsonNumber;
import dev.nemo.sdk.json.JsonObject;
import dev.nemo.sdk.json.JsonString;
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
        sink.accept(new Heartbeat(
                Heartbeat.Source.COMMENT,
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
            JsonValue raw = start < length ? parse(data, start, length) : null;
            sink.accept(new Heartbeat(
                    Heartbeat.Source.EVENT_TYPE, bare(seq, type, raw != null ? raw : new JsonString(event.data()))));
            return;
        }
        if (start == length) {
            sink.accept(new Heartbeat(Heartbeat.Source.EMPTY_DATA, bare(seq, type, new JsonString(event.data()))));
            return;
        }
        JsonValue value = parse(data, start, length);
        if (!(value instanceof JsonObject node)) {
            sink.accept(new Other(
                    Other.Reason.NOT_JSON, bare(seq, type, value != null ? value : new JsonString(event.data()))));
            return;
        }
        decodeObject(node, info(seq, type, node));
    }

    private void decodeObject(JsonObject node, EventInfo info) {
        String type = text(get(node, "type"));
        if (type != null && decodeTyped(type.toLowerCase(Locale.ROOT), node, info)) {
            return;
        }
        if (has(node, "error") && !hasNonNull(node, "content")) {
            sink.accept(
                    new ChatEvent.StreamError(errorText(get(node, "error")), value(get(node, "error_details")), info));
            return;
        }
        decodeAdk(node, info);
    }

    /** The older {@code {"type": …}} objects; returns whether the type was recognised. */
    private boolean decodeTyped(String type, JsonObject node, EventInfo info) {
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
                sink.accept(new ChatEvent.ToolCall(
                        firstText(node, "id", "call_id"),
                        orEmpty(firstText(node, "name")),
                        value(first(node, "args", "arguments")),
                        info));
            case "tool_result", "function_response" ->
                sink.accept(new ChatEvent.ToolResult(
                        firstText(node, "id", "call_id"),
                        orEmpty(firstText(node, "name")),
                        value(first(node, "result", "response", "content")),
                        info));
            case "error" ->
                sink.accept(new ChatEvent.StreamError(
                        orEmpty(firstText(node, "message", "error", "content")),
                        value(get(node, "error_details")),
                        info));
            default -> {
                return false;
            }
        }
        return true;
    }

    private void decodeAdk(JsonObject node, EventInfo info) {
        JsonValue content = get(node, "content");
        JsonValue parts = get(content, "parts");
        StringBuilder text = new StringBuilder();
        boolean thought = false;
        boolean unsupported = false;
        List<ChatEvent> tools = new ArrayList<>(0);
        if (parts instanceof JsonArray array) {
            for (JsonValue part : array.elements()) {
                String t = text(get(part, "text"));
                JsonValue call = get(part, "functionCall");
                JsonValue response = get(part, "functionResponse");
                if (t != null) {
                    if (isTrue(get(part, "thought"))) {
                        thought = true;
                    } else {
                        text.append(t);
                    }
                } else if (call instanceof JsonObject) {
                    tools.add(new ChatEvent.ToolCall(
                            text(get(call, "id")), orEmpty(text(get(call, "name"))), value(get(call, "args")), info));
                } else if (response instanceof JsonObject) {
                    tools.add(new ChatEvent.ToolResult(
                            text(get(response, "id")),
                            orEmpty(text(get(response, "name"))),
                            value(get(response, "response")),
                            info));
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
        String errorCode = text(get(node, "errorCode"));
        String errorMessage = text(get(node, "errorMessage"));
        if (errorCode != null || errorMessage != null) {
            sink.accept(new ChatEvent.ModelError(errorCode, errorMessage, info));
            emitted = true;
        }
        if (!emitted) {
            sink.accept(new Other(whyNothingShows(node, hidden, thought, unsupported), info));
        }
    }

    /** Why an event that showed nothing is reported as {@link Other}: the first reason that applies. */
    private static Other.Reason whyNothingShows(
            JsonObject node, Other.@Nullable Reason hidden, boolean thought, boolean unsupported) {
        if (hidden != null) {
            return hidden;
        }
        if (thought) {
            return Other.Reason.THOUGHT;
        }
        if (unsupported) {
            return Other.Reason.UNSUPPORTED_PARTS;
        }
        return looksLikeAdk(node) ? Other.Reason.EMPTY : Other.Reason.UNRECOGNIZED;
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

    private static boolean looksLikeAdk(JsonObject node) {
        return has(node, "content") || has(node, "author") || has(node, "invocationId") || has(node, "actions");
    }

    private static EventInfo bare(long seq, String type, JsonValue raw) {
        return new EventInfo(seq, type, null, null, null, null, false, raw);
    }

    /** A part of the payload for an event's fields; absent is JSON {@code null}. */
    private static JsonValue value(@Nullable JsonValue part) {
        return part == null ? JsonNull.INSTANCE : part;
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }

    private static EventInfo info(long seq, String type, JsonObject node) {
        return new EventInfo(
                seq,
                type,
                text(get(node, "id")),
                text(get(node, "author")),
                text(get(node, "invocationId")),
                timestamp(get(node, "timestamp")),
                isTrue(get(node, "partial")),
                node);
    }

    /**
     * Reads an ADK timestamp: a number of seconds (ADK-Python, with a fraction) or of milliseconds
     * (ADK-Java); values below 1e11 are seconds. Numeric strings and ISO-8601 text are accepted too.
     *
     * @param v the JSON value, or {@code null}
     * @return the instant, or {@code null} when absent or unreadable
     */
    static @Nullable Instant timestamp(@Nullable JsonValue v) {
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            BigDecimal d;
            if (v instanceof JsonNumber n) {
                d = n.asBigDecimal();
            } else if (AdkFields.isOverflow(v)) {
                // what Jackson's infinite double gives: a NumberFormatException
                d = BigDecimal.valueOf(Double.parseDouble(((JsonString) v).value()));
            } else if (v instanceof JsonString text) {
                String s = text.value().strip();
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
            long nanos = seconds.subtract(whole)
                    .movePointRight(9)
                    .setScale(0, RoundingMode.HALF_UP)
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
        return node == null ? "" : visibleText(JsonValues.fromJackson(node));
    }

    private static String visibleText(JsonValue node) {
        if (!(node instanceof JsonObject)) {
            return "";
        }
        String type = text(get(node, "type"));
        if ("text".equalsIgnoreCase(type)) {
            String t = firstText(node, "content", "text");
            return t == null ? "" : t;
        }
        JsonValue parts = get(get(node, "content"), "parts");
        StringBuilder sb = new StringBuilder();
        if (parts instanceof JsonArray array) {
            for (JsonValue part : array.elements()) {
                String t = text(get(part, "text"));
                if (t != null && !isTrue(get(part, "thought"))) {
                    sb.append(t);
                }
            }
        }
        return sb.toString();
    }

    private static String errorText(@Nullable JsonValue error) {
        if (error == null || error.isNull()) {
            return "";
        }
        if (error instanceof JsonString s) {
            return s.value();
        }
        String m = firstText(error, "message", "error_message", "detail");
        return m != null ? m : jacksonText(error);
    }

    private static @Nullable JsonValue parse(byte[] data, int start, int end) {
        try {
            return JsonValueReader.read(data, start, end - start);
        } catch (IOException | RuntimeException e) {
            // malformed UTF-8 inside an otherwise valid payload: read it as the WHATWG rules decode it
            try {
                return JsonValueReader.read(new String(data, start, end - start, StandardCharsets.UTF_8));
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
}
