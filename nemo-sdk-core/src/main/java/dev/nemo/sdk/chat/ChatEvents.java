package dev.nemo.sdk.chat;

import dev.nemo.sdk.error.ErrorDetails;
import dev.nemo.sdk.error.EventTooLargeException;
import dev.nemo.sdk.internal.chat.AdkEventDecoder;
import dev.nemo.sdk.internal.json.JsonNodes;
import dev.nemo.sdk.internal.json.JsonValues;
import dev.nemo.sdk.internal.sse.SseDecoder;
import dev.nemo.sdk.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Decodes a recorded {@code /run_sse} response body with the same decoder the live chat uses,
 * for example to inspect a stream saved to a file:
 *
 * <pre>{@code
 * try (InputStream in = Files.newInputStream(Path.of("s03_tool_text.stream.sse"))) {
 *     for (EventSummary s : ChatEvents.summarize(ChatEvents.decode(in))) {
 *         System.out.println(s.toJson());
 *     }
 * }
 * }</pre>
 */
public final class ChatEvents {
    private ChatEvents() {
    }

    /**
     * Decodes a whole recorded body, reading it incrementally. Partial text chunks are kept as
     * {@link ChatEvent.AgentText} with {@code partial() == true}, since a recording is inspected
     * as it is. A partial event at the end (a cut recording) is discarded.
     *
     * @param body the response body
     * @return the events, in order
     * @throws IOException when reading fails
     * @throws EventTooLargeException when a line exceeds 8 MiB
     */
    public static List<ChatEvent> decode(InputStream body) throws IOException {
        return decode(body, ChatOptions.builder().streaming(true).build());
    }

    /**
     * Decodes a whole recorded body the way a live stream with these options would be.
     *
     * @param body    the response body
     * @param options {@link ChatOptions#streaming()} (partial text) and {@link ChatOptions#maxLineBytes()}
     * @return the events, in order
     * @throws IOException when reading fails
     */
    public static List<ChatEvent> decode(InputStream body, ChatOptions options) throws IOException {
        Objects.requireNonNull(body, "body");
        List<ChatEvent> events = new ArrayList<>();
        SseDecoder decoder = new SseDecoder(new AdkEventDecoder(options.streaming(), events::add),
                options.maxLineBytes(), ErrorDetails.none());
        byte[] buffer = new byte[16 * 1024];
        for (int n; (n = body.read(buffer)) != -1; ) {
            decoder.feed(buffer, 0, n);
        }
        decoder.finish();
        return events;
    }

    /**
     * {@return its events, partial text included}
     *
     * @param body a whole recorded body
     */
    public static List<ChatEvent> decode(byte[] body) {
        try {
            return decode(new ByteArrayInputStream(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One summary per event payload that is a JSON object and not a heartbeat, in stream order.
     *
     * @param events decoded events (several events of one payload share {@link EventInfo#sequence()})
     * @return the summaries
     */
    public static List<EventSummary> summarize(List<ChatEvent> events) {
        List<EventSummary> out = new ArrayList<>();
        int i = 0;
        while (i < events.size()) {
            EventInfo info = events.get(i).info();
            List<String> calls = new ArrayList<>();
            List<String> responses = new ArrayList<>();
            @Nullable String code = null;
            @Nullable String message = null;
            boolean heartbeat = false;
            for (; i < events.size() && events.get(i).info().sequence() == info.sequence(); i++) {
                ChatEvent e = events.get(i);
                if (e instanceof ChatEvent.ToolCall c) {
                    calls.add(c.name());
                } else if (e instanceof ChatEvent.ToolResult r) {
                    responses.add(r.name());
                } else if (e instanceof ChatEvent.ModelError m) {
                    code = m.code();
                    message = m.message();
                } else if (e instanceof ChatEvent.StreamError s) {
                    code = JsonNodes.text(JsonValues.toJackson(s.details()), "error_type").orElse(null);
                    message = s.message();
                } else if (e instanceof ChatEvent.Heartbeat) {
                    heartbeat = true;
                }
            }
            if (!heartbeat && info.raw() instanceof JsonObject raw) {
                out.add(new EventSummary(info.sequence(), info.author(), info.partial(),
                        AdkEventDecoder.visibleText(JsonValues.toJackson(raw)), calls, responses, code, message));
            }
        }
        return out;
    }
}
