package dev.nemo.sdk.conformance.agent;

import com.google.adk.models.BaseLlm;
import com.google.adk.models.BaseLlmConnection;
import com.google.adk.models.LlmRequest;
import com.google.adk.models.LlmResponse;
import com.google.genai.types.Content;
import com.google.genai.types.FinishReason;
import com.google.genai.types.Part;
import io.reactivex.rxjava3.core.Flowable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A scripted stand-in for Gemini. It reads the scenario tag at the start of the user's message
 * ({@code [edit] add a title}) and how many tool results came after it, and answers like ADK's
 * Gemini class: when streaming, one {@code partial} response per text chunk and then one
 * aggregated response with {@code finishReason STOP}. Everything after the model (events, tools,
 * state, JSON, SSE, HTTP) is ADK's and Spring's own code.
 */
public final class ScriptedModel extends BaseLlm {

    /** Creates the model. */
    public ScriptedModel() {
        super("scripted-model");
    }

    @Override
    public Flowable<LlmResponse> generateContent(LlmRequest request, boolean stream) {
        Turn turn = Turn.of(request.contents());
        Scenario scenario = Scenario.of(turn.tag());
        return scenario.answer(turn, stream);
    }

    @Override
    public BaseLlmConnection connect(LlmRequest request) {
        throw new UnsupportedOperationException("live mode is not scripted");
    }

    /** The user's last message and how many tool results followed it. */
    record Turn(String text, int toolResults) {
        static Turn of(List<Content> contents) {
            String text = "";
            int results = 0;
            for (Content c : contents) {
                for (Part p : c.parts().orElse(List.of())) {
                    if (p.functionResponse().isPresent()) {
                        results++;
                    } else if (p.text().isPresent() && "user".equals(c.role().orElse(""))) {
                        text = p.text().get();
                        results = 0;
                    }
                }
            }
            return new Turn(text, results);
        }

        String tag() {
            return text.startsWith("[") && text.indexOf(']') > 0 ? text.substring(1, text.indexOf(']')) : "text";
        }

        String rest() {
            return text.startsWith("[") && text.indexOf(']') > 0
                    ? text.substring(text.indexOf(']') + 1).strip()
                    : text;
        }
    }

    static Flowable<LlmResponse> text(String text, boolean stream, int chunk) {
        List<LlmResponse> out = new ArrayList<>();
        if (stream) {
            int[] cps = text.codePoints().toArray();
            for (int i = 0; i < cps.length; i += chunk) {
                String piece = new String(cps, i, Math.min(chunk, cps.length - i));
                out.add(LlmResponse.builder()
                        .content(content(Part.fromText(piece)))
                        .partial(true)
                        .build());
            }
        }
        out.add(LlmResponse.builder()
                .content(content(Part.fromText(text)))
                .finishReason(stop())
                .build());
        return Flowable.fromIterable(out);
    }

    static Flowable<LlmResponse> call(String tool, Map<String, Object> args) {
        return Flowable.just(LlmResponse.builder()
                .content(content(Part.fromFunctionCall(tool, args)))
                .finishReason(stop())
                .build());
    }

    static Content content(Part... parts) {
        return Content.builder().role("model").parts(List.of(parts)).build();
    }

    static FinishReason stop() {
        return new FinishReason(FinishReason.Known.STOP);
    }
}
