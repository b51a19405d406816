package dev.nemo.sdk.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.adk.events.Event;
import dev.nemo.sdk.chat.ChatEnd;
import dev.nemo.sdk.state.SessionState;
import java.util.List;

/** The scripted scenarios, the one ending each may have, and what else is checked about each. */
enum Expect {
    TEXT("text", "what can you do?", ChatEnd.COMPLETED_WITH_TEXT, Extra.NONE),
    CHINESE(
            "zh",
            "加一个标题",
            ChatEnd.COMPLETED_WITH_TEXT,
            (h, sid, adk) -> assertThat(SdkMatchesAdk.visibleText(adk.get(adk.size() - 1)))
                    .contains("城市之梦", "👍🏽")),
    EDIT("edit", "add a title 'Urban Dreams'", ChatEnd.COMPLETED_WITH_TEXT, Extra.DRAFT_IN_STATE),
    SILENT_EDIT("silent", "fade in the music", ChatEnd.COMPLETED_SILENTLY, Extra.DRAFT_IN_STATE),
    TWO_STAGE_GENERATION("generate", "a city at night", ChatEnd.COMPLETED_WITH_TEXT, (h, sid, adk) -> {
        assertThat(adk.stream()
                        .flatMap(e -> e.functionCalls().stream())
                        .map(c -> c.name().orElse("")))
                .containsExactly("generate_video_with_seedance", "edit_multitrack");
        Extra.DRAFT_IN_STATE.check(h, sid, adk);
    }),
    TOOL_THROWS(
            "throw",
            "analyse the clip",
            ChatEnd.COMPLETED_WITH_TEXT,
            (h, sid, adk) -> assertThat(adk.stream()
                            .flatMap(e -> e.functionResponses().stream())
                            .map(r -> String.valueOf(r.response().orElseThrow().get("status"))))
                    .containsExactly("error")),
    MODEL_ERROR("model_error", "something unsafe", ChatEnd.ERROR_EVENT, Extra.NONE),
    ANSWER_200_KB(
            "big",
            "explain everything",
            ChatEnd.COMPLETED_WITH_TEXT,
            (h, sid, adk) -> assertThat(
                            SdkMatchesAdk.visibleText(adk.get(adk.size() - 1)).length())
                    .isGreaterThan(200 * 1024)),
    THOUGHT_PARTS("thought", "make it shorter", ChatEnd.COMPLETED_WITH_TEXT, Extra.NONE),
    MODEL_CRASH_MID_STREAM("crash", "normalise everything", ChatEnd.TRANSPORT_CUT, Extra.NONE);

    final String tag;
    final String message;
    final ChatEnd end;
    final Extra extra;

    Expect(String tag, String message, ChatEnd end, Extra extra) {
        this.tag = tag;
        this.message = message;
        this.end = end;
        this.extra = extra;
    }

    /** A scenario-specific check after the run. */
    @FunctionalInterface
    interface Extra {
        Extra NONE = (h, sid, adk) -> {};
        /** The tool's stateDelta carried the draft, and the state endpoint now serves exactly that draft. */
        Extra DRAFT_IN_STATE = (h, sid, adk) -> {
            List<Event> writes = adk.stream()
                    .filter(e -> e.actions().stateDelta().containsKey("draft"))
                    .toList();
            assertThat(writes).as("events whose stateDelta writes the draft").isNotEmpty();
            JsonNode last = SdkMatchesAdk.exact(
                    writes.get(writes.size() - 1).actions().stateDelta().get("draft"));
            SessionState state = h.client.state().get(sid);
            assertThat(state.draft()).as("draft served by the state endpoint").isPresent();
            assertThat(state.stateJson().get("draft").map(d -> SdkMatchesAdk.exact(d)))
                    .hasValue(last);
        };

        void check(AdkHarness h, String sid, List<Event> adk);
    }
}
