package dev.nemo.sdk.chat;

import dev.nemo.sdk.assistant.GuiPhrases;
import dev.nemo.sdk.error.EventTooLargeException;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.error.StreamTimeoutException;
import dev.nemo.sdk.error.TransportException;
import dev.nemo.sdk.state.SessionState;
import dev.nemo.sdk.state.StateDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What one chat message produced: the agent's text, every event, how the stream ended and, from
 * {@link ChatApi#send}, what changed in the session when the stream ended without text or was
 * interrupted ({@link #stateChange()}).
 *
 * <pre>{@code
 * ChatResult r = client.chat().send(sessionId, "compress to under 2 MB");
 * switch (r.end()) {
 *     case COMPLETED_WITH_TEXT -> System.out.println(r.text());
 *     case COMPLETED_SILENTLY -> System.out.println(r.stateChange().map(StateDiff::describe).orElse("Done"));
 *     default -> System.out.println("Ended with " + r.end() + ": " + r.failure().map(Throwable::getMessage).orElse(""));
 * }
 * }</pre>
 */
public final class ChatResult {
    private final ChatEnd end;
    private final List<String> messages;
    private final List<ChatEvent> events;
    private final @Nullable NemoException failure;
    private final @Nullable String ignoredNotice;
    private final @Nullable StateDiff stateChange;
    private final @Nullable SessionState stateAfter;
    private final @Nullable NemoException stateCheckFailure;

    private ChatResult(Builder b) {
        this.end = Objects.requireNonNull(b.end, "end");
        this.messages = List.copyOf(b.messages);
        this.events = List.copyOf(b.events);
        this.failure = b.failure;
        this.ignoredNotice = b.ignoredNotice;
        this.stateChange = b.stateChange;
        this.stateAfter = b.stateAfter;
        this.stateCheckFailure = b.stateCheckFailure;
    }

    /** {@return a new builder (for tests of code that consumes results)} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder initialised from this result} */
    public Builder toBuilder() {
        return new Builder().end(end).messages(messages).events(events).failure(failure).ignoredNotice(ignoredNotice)
                .stateChange(stateChange).stateAfter(stateAfter).stateCheckFailure(stateCheckFailure);
    }

    /** {@return how the stream ended} */
    public ChatEnd end() {
        return end;
    }

    /**
     * The agent's messages: each final text event (or, when streaming, the partial chunks not
     * followed by their full text) in order, without a trailing "I encountered a temporary issue"
     * notice after otherwise normal output (see {@link #ignoredNotice()}).
     *
     * @return the messages
     */
    public List<String> messages() {
        return messages;
    }

    /** {@return the {@link #messages()} joined with a line break; {@code ""} when none} */
    public String text() {
        return String.join("\n", messages);
    }

    /**
     * The agent's text for a person to read: {@link #text()} with the agent's GUI wording ("click
     * the Export button", "open the panel") replaced by what an app using this SDK does instead
     * ({@link GuiPhrases#standard()}). The raw text stays in {@link #text()}.
     *
     * @return the text for display; {@code ""} when none
     */
    public String displayText() {
        return messages.isEmpty() ? "" : GuiPhrases.standard().translate(text()).text();
    }

    /**
     * {@return whether {@link #text()} is all the agent meant to say: {@code false} when the stream was
     * interrupted ({@link ChatEnd#interrupted()}), so the text is only what arrived before the cut}
     */
    public boolean textIsComplete() {
        return !end.interrupted();
    }

    /** {@return whether the agent wrote any text} */
    public boolean hasText() {
        return !messages.isEmpty();
    }

    /** {@return every event in order, heartbeats included} */
    public List<ChatEvent> events() {
        return events;
    }

    /** {@return the tool calls, in order} */
    public List<ChatEvent.ToolCall> toolCalls() {
        return only(ChatEvent.ToolCall.class);
    }

    /** {@return the tool results, in order} */
    public List<ChatEvent.ToolResult> toolResults() {
        return only(ChatEvent.ToolResult.class);
    }

    /** {@return the model errors and stream errors, in order} */
    public List<ChatEvent> errors() {
        List<ChatEvent> out = new ArrayList<>();
        for (ChatEvent e : events) {
            if (e instanceof ChatEvent.ModelError || e instanceof ChatEvent.StreamError) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * {@return the typed error that interrupted the stream ({@link TransportException}, {@link StreamTimeoutException}, {@link EventTooLargeException}), when {@link ChatEnd#interrupted()}}
     */
    public Optional<NemoException> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * The contract says to ignore a trailing "I encountered a temporary issue" text when the
     * earlier output was normal: such a text is left out of {@link #messages()} and kept here
     * (and in {@link #events()}).
     *
     * @return the ignored trailing notice, when there was one
     */
    public Optional<String> ignoredNotice() {
        return Optional.ofNullable(ignoredNotice);
    }

    /**
     * What changed in the session, from {@link ChatApi#send} after a stream that ended without text
     * ({@link ChatEnd#COMPLETED_SILENTLY}) or was interrupted ({@link ChatEnd#interrupted()}): the state
     * read before the message compared with the state read afterwards. After an interruption the
     * state is read again on the {@link ChatOptions#recheckDelays()} schedule until something
     * changes. {@code stateChange().map(d -> !d.isEmpty())} says whether the message took effect.
     *
     * @return the change, when a state check ran and succeeded
     */
    public Optional<StateDiff> stateChange() {
        return Optional.ofNullable(stateChange);
    }

    /** {@return the session state read by the last state check, when one succeeded} */
    public Optional<SessionState> stateAfter() {
        return Optional.ofNullable(stateAfter);
    }

    /** {@return why a state check that should have run could not (reading the state failed)} */
    public Optional<NemoException> stateCheckFailure() {
        return Optional.ofNullable(stateCheckFailure);
    }

    private <T extends ChatEvent> List<T> only(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (ChatEvent e : events) {
            if (type.isInstance(e)) {
                out.add(type.cast(e));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "ChatResult{end=" + end + ", messages=" + messages.size() + ", events=" + events.size()
                + (failure == null ? "" : ", failure=" + failure.getClass().getSimpleName())
                + (ignoredNotice == null ? "" : ", ignoredNotice=true")
                + (stateChange == null ? "" : ", stateChange=" + stateChange.describe()) + '}';
    }

    /** Builds a {@link ChatResult}. */
    public static final class Builder {
        private @Nullable ChatEnd end;
        private List<String> messages = List.of();
        private List<ChatEvent> events = List.of();
        private @Nullable NemoException failure;
        private @Nullable String ignoredNotice;
        private @Nullable StateDiff stateChange;
        private @Nullable SessionState stateAfter;
        private @Nullable NemoException stateCheckFailure;

        private Builder() {
        }

        /**
         * Sets {@code end}.
         *
         * @param end how the stream ended
         * @return this builder
         */
        public Builder end(ChatEnd end) {
            this.end = Objects.requireNonNull(end, "end");
            return this;
        }

        /**
         * Sets {@code messages}.
         *
         * @param messages the agent's messages
         * @return this builder
         */
        public Builder messages(List<String> messages) {
            this.messages = Objects.requireNonNull(messages, "messages");
            return this;
        }

        /**
         * Sets {@code events}.
         *
         * @param events every event
         * @return this builder
         */
        public Builder events(List<ChatEvent> events) {
            this.events = Objects.requireNonNull(events, "events");
            return this;
        }

        /**
         * Sets {@code failure}.
         *
         * @param failure the error that interrupted the stream, or {@code null}
         * @return this builder
         */
        public Builder failure(@Nullable NemoException failure) {
            this.failure = failure;
            return this;
        }

        /**
         * Sets {@code ignoredNotice}.
         *
         * @param notice an ignored trailing notice, or {@code null}
         * @return this builder
         */
        public Builder ignoredNotice(@Nullable String notice) {
            this.ignoredNotice = notice;
            return this;
        }

        /**
         * Sets {@code stateChange}.
         *
         * @param change what changed in the session, or {@code null} when no check ran
         * @return this builder
         */
        public Builder stateChange(@Nullable StateDiff change) {
            this.stateChange = change;
            return this;
        }

        /**
         * Sets {@code stateAfter}.
         *
         * @param state the state read by the last check, or {@code null}
         * @return this builder
         */
        public Builder stateAfter(@Nullable SessionState state) {
            this.stateAfter = state;
            return this;
        }

        /**
         * Sets {@code stateCheckFailure}.
         *
         * @param failure why the state check failed, or {@code null}
         * @return this builder
         */
        public Builder stateCheckFailure(@Nullable NemoException failure) {
            this.stateCheckFailure = failure;
            return this;
        }

        /** {@return the result} */
        public ChatResult build() {
            return new ChatResult(this);
        }
    }
}
