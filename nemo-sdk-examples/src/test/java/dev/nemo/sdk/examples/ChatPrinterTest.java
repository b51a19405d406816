package dev.nemo.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.chat.ChatEnd;
import dev.nemo.sdk.chat.ChatEvent;
import dev.nemo.sdk.chat.ChatResult;
import dev.nemo.sdk.chat.EventInfo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the user sees of a chat: streamed sentences, GUI phrasing rewritten, tool activity, outcomes. */
class ChatPrinterTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private static ChatEvent.AgentText text(String s, boolean partial) {
        return new ChatEvent.AgentText(s, new EventInfo(0, "message", null, "nemo_agent", null, null, partial, null));
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void streamedChunksArePrintedSentenceBySentenceWithGuiPhrasingRewritten() {
        ChatPrinter printer = new ChatPrinter(out);

        printer.onEvent(text("Done: compressed to under 5", true));
        assertThat(printed()).as("no sentence is complete yet").isEmpty();
        printer.onEvent(text("00 KB. Click the Export ", true));
        assertThat(printed()).isEqualTo("Agent: Done: compressed to under 500 KB.");
        printer.onEvent(text("button when you are ready to render.", true));
        printer.onEvent(
                text("Done: compressed to under 500 KB. Click the Export button when you are ready to render.", false));

        assertThat(printed()).isEqualTo("Agent: Done: compressed to under 500 KB. It is ready to export.\n");
    }

    @Test
    void wholeMessagesToolCallsAndErrorsEachGetALine() {
        ChatPrinter printer = ChatPrinter.withHints(out);
        EventInfo info = new EventInfo(0, "message", null, "nemo_agent", null, null, false, null);

        printer.onEvent(new ChatEvent.ToolCall("c1", "edit_multitrack", null, info));
        printer.onEvent(new ChatEvent.ToolResult("c1", "edit_multitrack", null, info));
        printer.onEvent(text("好的，已压缩到500KB以内。点击导出按钮即可渲染。", false));
        printer.onEvent(new ChatEvent.ModelError("SAFETY", "blocked", info));

        assertThat(printed().lines())
                .containsExactly(
                        "  [Editing the timeline]",
                        "Agent: 好的，已压缩到500KB以内。可以导出了。",
                        "  (type \"export\" to render the video and download it)",
                        "  The agent could not do it: SAFETY: blocked");
    }

    @Test
    void anEditWithoutTextIsReportedByWhatChangedInTheSession() {
        ChatPrinter printer = new ChatPrinter(out);
        ChatResult silent = ChatResult.builder()
                .end(ChatEnd.COMPLETED_SILENTLY)
                .events(List.of())
                .stateChange(dev.nemo.sdk.state.StateDiff.between(
                        (dev.nemo.sdk.draft.Draft) null,
                        dev.nemo.sdk.draft.Draft.parse("{\"t\":[{\"tt\":7,\"sg\":[{\"start\":0,\"duration\":3000,"
                                + "\"text\":\"Hi\"}]}],\"d\":3000}")))
                .build();

        assertThat(printer.reportOutcome(silent)).isTrue();
        assertThat(printed()).startsWith("The agent finished without a message. What changed: Draft created: ");
    }
}
