package dev.nemo.sdk.examples;

import dev.nemo.sdk.chat.ChatEnd;
import dev.nemo.sdk.chat.ChatEvent;
import dev.nemo.sdk.chat.ChatListener;
import dev.nemo.sdk.chat.ChatOptions;
import dev.nemo.sdk.chat.ChatResult;
import dev.nemo.sdk.chat.GuiAction;
import dev.nemo.sdk.chat.GuiPhrases;
import dev.nemo.sdk.chat.GuiTranslation;
import dev.nemo.sdk.draft.StateDiff;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Prints a chat as it streams: the agent's text (token by token, or message by message with GUI
 * phrasing translated), a line per tool call, errors, and "still working" while only heartbeats
 * arrive. The SDK calls a listener from one thread at a time, in stream order.
 *
 * <pre>{@code
 * ChatPrinter printer = ChatPrinter.streaming(System.out);
 * ChatResult result = client.chat().send(sessionId, "compress it", printer.options(), printer);
 * printer.reportOutcome(result);
 * }</pre>
 */
public final class ChatPrinter implements ChatListener {
    private final PrintStream out;
    private final boolean translate;
    private boolean lineOpen;

    private ChatPrinter(PrintStream out, boolean translate) {
        this.out = out;
        this.translate = translate;
    }

    /**
     * @param out where to print
     * @return a printer that shows the agent's text token by token, as it arrives
     */
    public static ChatPrinter streaming(PrintStream out) {
        return new ChatPrinter(out, false);
    }

    /**
     * @param out where to print
     * @return a printer that shows each whole message of the agent with its GUI phrasing ("click
     *         Export") rewritten for a user who has no GUI ({@link GuiPhrases})
     */
    public static ChatPrinter translating(PrintStream out) {
        return new ChatPrinter(out, true);
    }

    /** @return chat options that match: token-level streaming unless translating whole messages */
    public ChatOptions options() {
        return ChatOptions.builder().streaming(!translate).build();
    }

    @Override
    public void onEvent(ChatEvent event) {
        if (event instanceof ChatEvent.AgentText) {
            ChatEvent.AgentText text = (ChatEvent.AgentText) event;
            if (text.partial()) {
                if (!lineOpen) {
                    out.print("Agent: ");
                    lineOpen = true;
                }
                out.print(text.text());
                out.flush();
            } else if (lineOpen) {
                // the chunks already showed this text; the final event repeats it whole
                endLine();
            } else {
                printMessage(text.text());
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

    @Override
    public void onStillWorking(Duration quietFor) {
        endLine();
        out.println("  (still working after " + quietFor.toMinutes() + " min)");
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
            out.println(change == null ? "The agent finished without a message (the session state could not be checked)."
                    : changed ? "The agent finished without a message. What changed: " + change
                    : "The agent finished without a message, and nothing changed.");
            return changed;
        }
        if (end.interrupted()) {
            String why = result.failure().map(Throwable::getMessage).orElse(end.toString());
            out.println("The stream stopped early (" + why + "). "
                    + (changed ? "The edit took effect anyway. What changed: " + change
                    : "The session did not change; the message was not sent again, since each message costs credits."));
            return changed;
        }
        return end == ChatEnd.COMPLETED_WITH_TEXT;
    }

    private void printMessage(String text) {
        if (!translate) {
            out.println("Agent: " + text);
            return;
        }
        GuiTranslation t = GuiPhrases.standard().translate(text);
        out.println("Agent: " + t.text());
        if (t.actions().contains(GuiAction.EXPORT)) {
            out.println("  (type \"export\" to render the video and download it)");
        } else if (t.actions().contains(GuiAction.SHOW_SUMMARY) || t.actions().contains(GuiAction.QUERY_STATE)) {
            out.println("  (type \"status\" to see the timeline)");
        }
    }

    private void endLine() {
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
    }
}
