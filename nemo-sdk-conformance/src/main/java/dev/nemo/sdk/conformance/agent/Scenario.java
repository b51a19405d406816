package dev.nemo.sdk.conformance.agent;

import com.google.adk.models.LlmResponse;
import com.google.genai.types.FinishReason;
import com.google.genai.types.Part;
import io.reactivex.rxjava3.core.Flowable;
import java.util.Locale;
import java.util.Map;

/**
 * What the scripted model does for each tag, turn by turn ({@code stage} = tool results so far).
 * Tags: {@code text}, {@code zh}, {@code edit}, {@code silent}, {@code generate} (two stages),
 * {@code long} (a silent tool held by a gate), {@code throw} (a tool that throws),
 * {@code model_error}, {@code big} (a 200 KB answer), {@code thought}, {@code crash} (the model
 * fails after some output).
 */
enum Scenario {
    TEXT {
        @Override
        Flowable<LlmResponse> answer(ScriptedModel.Turn turn, boolean stream) {
            return ScriptedModel.text("Here is your answer about " + turn.rest() + ". Anything else?", stream, 8);
        }
    },
    ZH {
        @Override
        Flowable<LlmResponse> answer(ScriptedModel.Turn turn, boolean stream) {
            return ScriptedModel.text("好的，已为你添加标题“城市之梦”🎵，并把背景音乐调低到35%。还需要别的吗？👍🏽", stream, 5);
        }
    },
    EDIT {
        @Override
        Flowable<LlmResponse> answer(ScriptedModel.Turn turn, boolean stream) {
            return turn.toolResults() == 0
                    ? ScriptedModel.call("edit_multitrack", Map.of("instruction", turn.rest()))
                    : ScriptedModel.text("Done: " + turn.rest() + " (0-3s).", stream, 6);
        }
    },
    SILENT {
        @Override
        Flowable<LlmResponse> answer(ScriptedModel.Turn turn, boolean stream) {
            return turn.toolResults() == 0
                    ? ScriptedModel.call("edit_multitrack", Map.of("instruction", turn.rest()))
                    : Flowable.just(LlmResponse.builder()
                            .content(ScriptedModel.content())
                            .finishReason(ScriptedModel.stop())
                            .build());
        }
    },
    GENERATE {
        @Override
        Flowable<LlmResponse> answer(ScriptedModel.Turn turn, boolean stream) {
            return switch (turn.toolResults()) {
                case 0 -> ScriptedModel.call("generate_video_with_seedance", Map.of("prompt", turn.rest()));
                case 1 -> ScriptedModel.call("edit_multitrack", Map.of("instruction", "add BGM, title and effects"));
                default -> ScriptedModel.text("Your video is ready: 5 s, with music and a title.", stream, 10);
            };
        }
    },
    LONG {
        @Override
        Flowable<LlmResponse> answer(ScriptedModel.Turn turn, boolean stream) {
            return turn.toolResults() == 0
                    ? ScriptedModel.call("render_preview", Map.of("target", turn.rest()))
                    : ScriptedModel.text("The preview is ready.", stream, 7);
        }
    },
    THROW {
        @Override
        Flowable<LlmResponse> answer(ScriptedModel.Turn turn, boolean stream) {
            return turn.toolResults() == 0
                    ? ScriptedModel.call("analyze_video", Map.of("input", turn.rest()))
                    : ScriptedModel.text("The analysis failed.", stream, 7);
        }
    },
    MODEL_ERROR {
        @Override
        Flowable<LlmResponse> answer(ScriptedModel.Turn turn, boolean stream) {
            FinishReason safety = new FinishReason(FinishReason.Known.SAFETY);
            return Flowable.just(LlmResponse.builder()
                    .errorCode(safety)
                    .finishReason(safety)
                    .errorMessage("The response was blocked by the safety filter (scripted).")
                    .build());
        }
    },
    BIG {
        @Override
        Flowable<LlmResponse> answer(ScriptedModel.Turn turn, boolean stream) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; sb.length() < 200 * 1024; i++) {
                sb.append(String.format(Locale.ROOT, "line %05d of the long answer: the quick brown fox. 雪 ✅\n", i));
            }
            return ScriptedModel.text(sb.toString(), stream, 4096);
        }
    },
    THOUGHT {
        @Override
        Flowable<LlmResponse> answer(ScriptedModel.Turn turn, boolean stream) {
            Part thought = Part.builder()
                    .text("The user wants a shorter clip; trim to 5 s.")
                    .thought(true)
                    .build();
            return Flowable.just(LlmResponse.builder()
                    .content(ScriptedModel.content(thought, Part.fromText("I trimmed it to 5 seconds.")))
                    .finishReason(ScriptedModel.stop())
                    .build());
        }
    },
    CRASH {
        @Override
        Flowable<LlmResponse> answer(ScriptedModel.Turn turn, boolean stream) {
            Flowable<LlmResponse> crash = Flowable.error(new IllegalStateException("model crashed"));
            if (!stream) {
                // like the recording s07 without streaming: a tool call and its result are out, then the model fails
                return turn.toolResults() == 0
                        ? ScriptedModel.call("edit_multitrack", Map.of("instruction", turn.rest()))
                        : crash;
            }
            LlmResponse partial = LlmResponse.builder()
                    .content(ScriptedModel.content(Part.fromText("Working on it")))
                    .partial(true)
                    .build();
            return Flowable.just(partial).concatWith(crash);
        }
    };

    abstract Flowable<LlmResponse> answer(ScriptedModel.Turn turn, boolean stream);

    static Scenario of(String tag) {
        for (Scenario s : values()) {
            if (s.name().equalsIgnoreCase(tag)) {
                return s;
            }
        }
        return TEXT;
    }
}
