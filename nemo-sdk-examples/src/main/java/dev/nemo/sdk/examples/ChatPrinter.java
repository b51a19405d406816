package dev.nemo.sdk.examples;

import dev.nemo.sdk.assistant.GuiAction;
import dev.nemo.sdk.assistant.GuiPhrases;
import dev.nemo.sdk.assistant.GuiTranslation;
import dev.nemo.sdk.chat.ChatEnd;
import dev.nemo.sdk.chat.ChatEvent;
import dev.nemo.sdk.chat.ChatListener;
import dev.nemo.sdk.chat.ChatOptions;
import dev.nemo.sdk.chat.ChatResult;
import dev.nemo.sdk.chat.StateCheckProgress;
import dev.nemo.sdk.state.StateDiff;
import java.io.PrintStream;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Prints a chat as it streams: the agent's text sentence by sentence as the chunks arrive, with
 * GUI phrasing ("click the Export button") rewritten for a terminal user ({@link GuiPhrases}), a
 * line per tool call, errors, and "still working" while only heartbeats arrive. The SDK calls a
 * listener from one thread at a time, in stream order.
 *
 * <pre>{@code
 * ChatPrinter printer = new ChatPrinter(System.out);
 * ChatResult result = client.chat().send(sessionId, "compress it", printer.options(), printer);
 * printer.reportOutcome(result);
 * }</pre>
 */
public final class ChatPrinter implements ChatListener {
    private final PrintStream out;
    /** Streamed text not printed yet: the start of a sentence whose end has not arrived. */
    private final StringBuilder pending = new StringBuilder();

    private final Set<GuiAction> actions = EnumSet.noneOf(GuiAction.class);
    private final boolean hints;
    private boolean sawPartial;
    private boolean lineOpen;

    /** @param out where to print */
    public ChatPrinter(PrintStream out) {
        this(out, false);
    }

    private ChatPrinter(PrintStream out, boolean hints) {
        this.out = out;
        this.hints = hints;
    }

    /**
     * @param out where to print
     * @return a printer that also says which command does what the agent pointed at ("type
     *         export…"), for an interactive chat
     */
    public static ChatPrinter withHints(PrintStream out) {
        return new ChatPrinter(out, true);
    }

    /** @return chat options asking for token-level text, which this printer shows as it arrives */
    public ChatOptions options() {
        return ChatOptions.builder()
                .streaming(true)
                .onProgress(this::stillWorking)
                .build();
    }

    @Override
    public void onEvent(ChatEvent event) {
        if (event instanceof ChatEvent.AgentText) {
            ChatEvent.AgentText text = (ChatEvent.AgentText) event;
            if (text.partial()) {
                sawPartial = true;
                pending.append(text.text());
                printCompleteSentences();
            } else {
                // the final event repeats the whole text: print only what the chunks have not shown
                printSentences(sawPartial ? pending.toString() : text.text());
                pending.setLength(0);
                sawPartial = false;
                endMessage();
            }
        } else if (event instanceof ChatEvent.ToolCall) {
            endLine();
            out.println("  [" + ((ChatEvent.ToolCall) event).activity() + "]");
        } else if (event instanceof ChatEvent.ModelError) {
            ChatEvent.ModelError e = (ChatEvent.ModelError) event;
            endLine();
            out.println("  The agent could not do it: " + e.code() + (e.message() == null ? "" : ": " + e.message()));
        } else if (event instanceof ChatEvent.StreamError) {
            endLine();
            out.println("  The server reported an error: " + ((ChatEvent.StreamError) event).message());
        }
    }

    /**
     * The progress listener of {@link #options()}: only heartbeats arrive, the agent is still working.
     *
     * @param quietFor how long only heartbeats have arrived
     */
    public void stillWorking(Duration quietFor) {
        endLine();
        out.println("  (still working after " + quietFor.toMinutes() + " min)");
    }

    /**
     * Shows that the stream ended before the agent finished, with the text that arrived (marked
     * incomplete), and that the message was not sent again.
     *
     * @param soFar the result as the stream left it
     */
    @Override
    public void onStreamEnded(ChatResult soFar) {
        if (!soFar.end().interrupted()) {
            return;
        }
        if (pending.length() > 0) {
            printSentences(pending.toString());
            pending.setLength(0);
        } else if (!sawPartial && !lineOpen && soFar.hasText()) {
            printSentences(soFar.text());
        }
        if (lineOpen) {
            out.print(" … [incomplete]");
        }
        endLine();
        out.println("The stream was interrupted ("
                + soFar.failure().map(Throwable::getMessage).orElse(soFar.end().toString())
                + "). The message was not sent again: each message costs credits. "
                + "Checking whether the edit took effect…");
    }

    /**
     * Shows each read of the session state while {@code send} waits for the agent's change.
     *
     * @param progress which read this was and what it saw
     */
    @Override
    public void onStateCheck(StateCheckProgress progress) {
        endLine();
        out.println("  (" + progress.describe() + ")");
    }

    /**
     * Says how the message ended when the text alone does not: what changed after an edit without
     * text, or after an interrupted stream.
     *
     * @param result the chat's result
     * @return whether the message did something (text, or a change in the session)
     */
    public boolean reportOutcome(ChatResult result) {
        endLine();
        ChatEnd end = result.end();
        boolean changed = result.stateChange().map(d -> !d.isEmpty()).orElse(false);
        String change = result.stateChange().map(StateDiff::describe).orElse(null);
        if (end == ChatEnd.COMPLETED_SILENTLY) {
            out.println(
                    change == null
                            ? "The agent finished without a message (the session state could not be checked)."
                            : changed
                                    ? "The agent finished without a message. What changed: " + change
                                    : "The agent finished without a message, and nothing changed.");
            return changed;
        }
        if (end.interrupted()) {
            String why = result.failure().map(Throwable::getMessage).orElse(end.toString());
            out.println(
                    "The stream stopped early (" + why + "). "
                            + (changed
                                    ? "The edit took effect anyway. What changed: " + change
                                    : "The session did not change; the message was not sent again, since each message costs credits."));
            return changed;
        }
        return end == ChatEnd.COMPLETED_WITH_TEXT;
    }

    /** Prints the sentences of the pending text whose end has arrived, and keeps the rest. */
    private void printCompleteSentences() {
        int end = 0;
        for (int i = 0; i < pending.length(); i++) {
            char c = pending.charAt(i);
            boolean cjkEnd = c == '\u3002' || c == '\uff01' || c == '\uff1f' || c == '\n';
            boolean latinEnd = (c == '.' || c == '!' || c == '?')
                    && i + 1 < pending.length()
                    && Character.isWhitespace(pending.charAt(i + 1));
            if (cjkEnd || latinEnd) {
                end = i + 1;
            }
        }
        if (end > 0) {
            String done = pending.substring(0, end);
            pending.delete(0, end);
            printSentences(done);
        }
    }

    private void printSentences(String text) {
        if (text.isBlank()) {
            return;
        }
        GuiTranslation t = GuiPhrases.standard().translate(text.strip());
        actions.addAll(t.actions());
        if (!lineOpen) {
            out.print("Agent: ");
            lineOpen = true;
        } else {
            out.print(' ');
        }
        out.print(t.text());
        out.flush();
    }

    /** Ends the agent's message, with a hint when it pointed at a GUI action this program offers. */
    private void endMessage() {
        endLine();
        if (!hints) {
            actions.clear();
            return;
        }
        if (actions.contains(GuiAction.EXPORT)) {
            out.println("  (type \"export\" to render the video and download it)");
        } else if (actions.contains(GuiAction.SHOW_SUMMARY) || actions.contains(GuiAction.QUERY_STATE)) {
            out.println("  (type \"status\" to see the timeline)");
        }
        actions.clear();
    }

    private void endLine() {
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
    }
}
