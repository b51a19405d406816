package dev.nemo.sdk.chat;

import dev.nemo.sdk.assistant.GuiPhrases;
import dev.nemo.sdk.json.JsonNull;
import dev.nemo.sdk.json.JsonValue;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One thing that happened on a chat stream. The agent behind {@code /run_sse} is a Google ADK
 * agent; each of its events becomes one or more chat events (text first, then tool calls, tool
 * results and a model error, in that order), sharing one {@link EventInfo}:
 * <ul>
 *   <li>{@link AgentText}: text for the user (not from {@code user}, not a model "thought", and not a
 *       partial chunk unless streaming was asked for);</li>
 *   <li>{@link ToolCall} and {@link ToolResult}: the agent's internal tool activity, for progress;</li>
 *   <li>{@link ModelError}: the model refused or failed ({@code errorCode}/{@code errorMessage});</li>
 *   <li>{@link StreamError}: the server reported a failure in the stream ({@code {"error": …}});</li>
 *   <li>{@link Heartbeat}: the backend is still working;</li>
 *   <li>{@link Other}: anything else; never breaks the stream.</li>
 * </ul>
 * The raw JSON of every event stays reachable through {@link #raw()}.
 *
 * <pre>{@code
 * for (ChatEvent e : (Iterable<ChatEvent>) () -> stream) {
 *     if (e instanceof ChatEvent.AgentText t) System.out.print(t.text());
 *     else if (e instanceof ChatEvent.ToolCall c) System.out.println("[" + c.activity() + "]");
 * }
 * }</pre>
 */
public sealed interface ChatEvent {

    /** {@return where the event came from} */
    EventInfo info();

    /** {@return the JSON payload the event was decoded from (see {@link EventInfo#raw()})} */
    default JsonValue raw() {
        return info().raw();
    }

    /** {@return whether the event only says that the backend is alive} */
    default boolean isHeartbeat() {
        return this instanceof Heartbeat;
    }

    /**
     * Text the agent wrote for the user.
     *
     * @param text the visible text parts of the event, joined with no separator
     * @param info where it came from
     */
    record AgentText(String text, EventInfo info) implements ChatEvent {
        /**
         * Validates.
         *
         * @param text the visible text parts of the event, joined with no separator
         * @param info where it came from
         */
        public AgentText {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(info, "info");
        }

        /** {@return whether this is a token-level chunk (only when streaming was asked for)} */
        public boolean partial() {
            return info.partial();
        }

        /**
         * The text for a person to read: {@link #text()} with the agent's GUI wording ("click the
         * Export button") replaced by what an app does instead ({@link GuiPhrases#standard()}), as
         * {@link ChatResult#displayText()} does. A token-level chunk may hold half a phrase: translate
         * the assembled text of chunks, or use the final event.
         *
         * @return the text for display
         */
        public String displayText() {
            return GuiPhrases.standard().translate(text).text();
        }

        /** {@return the agent that wrote it, or {@code null}} */
        public @Nullable String author() {
            return info.author();
        }
    }

    /**
     * The agent called a tool (ADK {@code functionCall}). Internal to the agent; useful for progress.
     *
     * @param callId the call id that the matching {@link ToolResult} repeats, or {@code null}
     * @param name   the tool, for example {@code edit_multitrack}
     * @param args   the arguments (an object; JSON {@code null} when absent)
     * @param info   where it came from
     */
    record ToolCall(@Nullable String callId, String name, JsonValue args, EventInfo info) implements ChatEvent {
        /**
         * Validates and normalises.
         *
         * @param callId the call id that the matching {@link ToolResult} repeats, or {@code null}
         * @param name   the tool, for example {@code edit_multitrack}
         * @param args   the arguments (an object; JSON {@code null} when absent)
         * @param info   where it came from
         */
        public ToolCall {
            name = name == null ? "" : name;
            args = args == null ? JsonNull.INSTANCE : args;
            Objects.requireNonNull(info, "info");
        }

        /**
         * A neutral description of what the tool does, for a progress line, based on its name
         * (generation of video or music takes minutes; edits take seconds).
         *
         * @return for example {@code "Generating video (usually 2-5 min)"}
         */
        public String activity() {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.contains("generate_video") || n.contains("seedance")) {
                return "Generating video (usually 2-5 min)";
            }
            if (n.contains("generate_music") || n.contains("suno") || n.contains("music")) {
                return "Generating music";
            }
            if (n.contains("voiceover") || n.contains("audio")) {
                return "Generating audio";
            }
            if (n.contains("edit") || n.contains("draft") || n.contains("multitrack")) {
                return "Editing the timeline";
            }
            if (n.contains("understand") || n.contains("analyze") || n.contains("analyse")) {
                return "Analysing the media";
            }
            return name.isEmpty() ? "Working" : "Running " + name;
        }
    }

    /**
     * A tool's answer to the agent (ADK {@code functionResponse}; its content role is {@code user}
     * but its author is the agent).
     *
     * @param callId   the id of the {@link ToolCall} it answers, or {@code null}
     * @param name     the tool
     * @param response the tool's result (JSON {@code null} when absent)
     * @param info     where it came from
     */
    record ToolResult(@Nullable String callId, String name, JsonValue response, EventInfo info) implements ChatEvent {
        /**
         * Validates and normalises.
         *
         * @param callId   the id of the {@link ToolCall} it answers, or {@code null}
         * @param name     the tool
         * @param response the tool's result (JSON {@code null} when absent)
         * @param info     where it came from
         */
        public ToolResult {
            name = name == null ? "" : name;
            response = response == null ? JsonNull.INSTANCE : response;
            Objects.requireNonNull(info, "info");
        }
    }

    /**
     * The model failed or refused (ADK {@code errorCode}/{@code errorMessage}, for example
     * {@code SAFETY}). The stream goes on or ends normally.
     *
     * @param code    the error code, or {@code null}
     * @param message the message, or {@code null}
     * @param info    where it came from
     */
    record ModelError(@Nullable String code, @Nullable String message, EventInfo info) implements ChatEvent {
        /**
         * Validates.
         *
         * @param code    the error code, or {@code null}
         * @param message the message, or {@code null}
         * @param info    where it came from
         */
        public ModelError {
            Objects.requireNonNull(info, "info");
        }
    }

    /**
     * The server reported a failure inside the stream: ADK-Python's {@code {"error": "…",
     * "error_details"?: {…}}} (then it closes the stream normally), or an older
     * {@code {"type":"error"}} object.
     *
     * @param message the error text
     * @param details {@code error_details} when present, else JSON {@code null}
     * @param info    where it came from
     */
    record StreamError(String message, JsonValue details, EventInfo info) implements ChatEvent {
        /**
         * Validates and normalises.
         *
         * @param message the error text
         * @param details {@code error_details} when present, else JSON {@code null}
         * @param info    where it came from
         */
        public StreamError {
            message = message == null ? "" : message;
            details = details == null ? JsonNull.INSTANCE : details;
            Objects.requireNonNull(info, "info");
        }
    }

    /**
     * The backend is still working.
     *
     * @param source how the heartbeat was sent
     * @param info   where it came from
     */
    record Heartbeat(Source source, EventInfo info) implements ChatEvent {
        /**
         * Validates.
         *
         * @param source how the heartbeat was sent
         * @param info   where it came from
         */
        public Heartbeat {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(info, "info");
        }

        /** The forms of heartbeat in use. */
        public enum Source {
            /** An SSE comment, such as {@code : ping - 2026-11-25 12:00:00}. */
            COMMENT,
            /** An event whose type is {@code heartbeat} (or {@code ping}, {@code keepalive}). */
            EVENT_TYPE,
            /** A JSON payload {@code {"type":"heartbeat"}}. */
            JSON,
            /** An event with empty (or blank) data. */
            EMPTY_DATA
        }
    }

    /**
     * An event that is neither text for the user nor one of the kinds above. Kept so that nothing
     * is lost; never breaks the stream.
     *
     * @param reason why it is not one of the other kinds
     * @param info   where it came from ({@link EventInfo#raw()} holds it whole)
     */
    record Other(Reason reason, EventInfo info) implements ChatEvent {
        /**
         * Validates.
         *
         * @param reason why it is not one of the other kinds
         * @param info   where it came from ({@link EventInfo#raw()} holds it whole)
         */
        public Other {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(info, "info");
        }

        /** Why an event is {@link Other}. */
        public enum Reason {
            /** An ADK event with no content or no parts, such as the last event of a silent edit. */
            EMPTY,
            /** Content authored by {@code user}. */
            USER_CONTENT,
            /** A partial text chunk while streaming was not asked for (the full text follows). */
            PARTIAL_TEXT,
            /** Only model "thoughts", which are not shown. */
            THOUGHT,
            /** Parts the SDK does not surface (inline data, code execution, …). */
            UNSUPPORTED_PARTS,
            /** JSON the SDK does not recognise. */
            UNRECOGNIZED,
            /** Data that is not a JSON object. */
            NOT_JSON
        }
    }
}
