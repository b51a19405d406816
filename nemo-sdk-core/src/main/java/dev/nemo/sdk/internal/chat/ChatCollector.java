package dev.nemo.sdk.internal.chat;

import dev.nemo.sdk.chat.ChatEnd;
import dev.nemo.sdk.chat.ChatEvent;
import dev.nemo.sdk.chat.ChatResult;
import dev.nemo.sdk.chat.EventInfo;
import dev.nemo.sdk.error.EventTooLargeException;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.error.StreamTimeoutException;
import dev.nemo.sdk.error.TransportException;
import dev.nemo.sdk.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Accumulates the events of one stream into a {@link ChatResult}: joins text (final texts, or
 * partial chunks that no final text repeated), drops a trailing "I encountered a temporary issue"
 * notice after normal output (contract §3.4), and decides how the stream ended.
 */
public final class ChatCollector {
    private static final String NOTICE = "encountered a temporary issue";

    private final List<ChatEvent> events = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    /** Partial chunks sent although streaming was not asked for: only shown when the full text never came. */
    private final StringBuilder unaskedPartial = new StringBuilder();
    private boolean streamError;
    private boolean modelError;
    private boolean toolResult;
    private @Nullable ChatEvent lastSignificant;

    /**
     * Takes the next event of the stream.
     *
     * @param event the next event
     */
    public void accept(ChatEvent event) {
        events.add(event);
        if (event instanceof ChatEvent.AgentText t) {
            if (t.partial()) {
                partial.append(t.text());
            } else {
                // the final text repeats the chunks streamed before it
                partial.setLength(0);
                unaskedPartial.setLength(0);
                messages.add(t.text());
            }
            lastSignificant = event;
        } else if (event instanceof ChatEvent.Other o && o.reason() == ChatEvent.Other.Reason.PARTIAL_TEXT) {
            unaskedPartial.append(partText(o.info()));
        } else if (event instanceof ChatEvent.StreamError) {
            streamError = true;
            lastSignificant = event;
        } else if (event instanceof ChatEvent.ModelError) {
            modelError = true;
            lastSignificant = event;
        } else if (event instanceof ChatEvent.ToolResult) {
            toolResult = true;
            lastSignificant = event;
        } else if (event instanceof ChatEvent.ToolCall) {
            lastSignificant = event;
        }
    }

    /**
     * {@return whether it is an interruption of a stream that may have run (a cut, a timeout, an oversized event), as opposed to a refusal before anything ran}
     *
     * @param error how a stream failed
     */
    public static boolean isInterruption(Throwable error) {
        return error instanceof TransportException || error instanceof EventTooLargeException;
    }

    /** {@return the result of a stream the server closed} */
    public ChatResult completed() {
        List<String> text = text();
        String notice = null;
        if (!text.isEmpty() && !streamError && !modelError) {
            String last = text.get(text.size() - 1);
            boolean earlierNormal = text.size() > 1 || toolResult;
            if (earlierNormal && last.toLowerCase(Locale.ROOT).contains(NOTICE)) {
                notice = text.remove(text.size() - 1);
            }
        }
        ChatEnd end = streamError || lastSignificant instanceof ChatEvent.ModelError ? ChatEnd.ERROR_EVENT
                : !text.isEmpty() ? ChatEnd.COMPLETED_WITH_TEXT
                : ChatEnd.COMPLETED_SILENTLY;
        return ChatResult.builder().end(end).messages(text).events(events).ignoredNotice(notice).build();
    }

    /**
     * {@return the result of the interrupted stream}
     *
     * @param failure the interruption ({@link #isInterruption})
     */
    public ChatResult interrupted(NemoException failure) {
        ChatEnd end = failure instanceof StreamTimeoutException t ? switch (t.watchdog()) {
            case FIRST_BYTE -> ChatEnd.FIRST_BYTE_TIMEOUT;
            case IDLE -> ChatEnd.IDLE_TIMEOUT;
            default -> ChatEnd.OVERALL_TIMEOUT;
        } : ChatEnd.TRANSPORT_CUT;
        List<String> text = text();
        if (partial.length() == 0 && unaskedPartial.length() > 0) {
            text.add(unaskedPartial.toString());
        }
        return ChatResult.builder().end(end).messages(text).events(events).failure(failure).build();
    }

    /** The text parts of an event's content, joined. */
    private static String partText(EventInfo info) {
        StringBuilder out = new StringBuilder();
        info.raw().get("content").flatMap(c -> c.get("parts")).flatMap(JsonValue::asArray)
                .ifPresent(parts -> parts.elements().forEach(part -> {
                    boolean thought = part.get("thought").flatMap(JsonValue::asBoolean).orElse(false);
                    part.get("text").flatMap(JsonValue::asString).filter(t -> !thought).ifPresent(out::append);
                }));
        return out.toString();
    }

    /** {@return the result of a stream the caller cancelled} */
    public ChatResult cancelled() {
        return ChatResult.builder().end(ChatEnd.CANCELLED).messages(text()).events(events).build();
    }

    private List<String> text() {
        List<String> out = new ArrayList<>(messages);
        if (partial.length() > 0) {
            out.add(partial.toString());
        }
        return out;
    }
}
