package dev.nemo.sdk.conformance.agent;

import com.google.adk.tools.Annotations.Schema;
import com.google.adk.tools.ToolContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent's tools, named and shaped like the real backend's (contract §3.4): the edit tool
 * writes the new draft into session state (ADK turns that into the event's
 * {@code actions.stateDelta}), the generator adds a video segment, one tool waits silently, one
 * throws.
 */
public final class NemoTools {
    private final Gate gate;

    /** @param gate released by the test to end {@code render_preview} */
    public NemoTools(Gate gate) {
        this.gate = gate;
    }

    /**
     * @param instruction what to change
     * @param toolContext ADK's tool context (session state)
     * @return a short report
     */
    public Map<String, Object> edit_multitrack(
            @Schema(name = "instruction", description = "the edit to apply to the timeline") String instruction,
            ToolContext toolContext) {
        Map<String, Object> draft = draft(toolContext);
        List<Object> tracks = tracks(draft);
        Map<String, Object> segment = new LinkedHashMap<>();
        segment.put("start", 0);
        segment.put("duration", 3000);
        segment.put("text", instruction);
        tracks.add(track(7, segment));
        draft.put("t", tracks);
        toolContext.state().put("draft", draft);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", "ok");
        out.put("tracks", tracks.size());
        return out;
    }

    /**
     * @param prompt what to generate
     * @param toolContext ADK's tool context (session state)
     * @return the generated clip
     */
    public Map<String, Object> generate_video_with_seedance(
            @Schema(name = "prompt", description = "what the video shows") String prompt, ToolContext toolContext) {
        Map<String, Object> draft = draft(toolContext);
        List<Object> tracks = tracks(draft);
        Map<String, Object> segment = new LinkedHashMap<>();
        segment.put("start", 0);
        segment.put("duration", 5000);
        segment.put("label", prompt);
        tracks.add(0, track(0, segment));
        draft.put("t", tracks);
        draft.put("d", 5000);
        toolContext.state().put("draft", draft);
        return Map.of("status", "ok", "url", "https://cdn.example.com/gen/clip.mp4", "duration", 5.0);
    }

    /**
     * Runs "long" and silent: it holds until the test releases the gate.
     *
     * @param target what to render
     * @return done
     */
    public Map<String, Object> render_preview(@Schema(name = "target", description = "what to preview") String target) {
        gate.hold();
        return Map.of("status", "ok", "preview", target);
    }

    /**
     * Always fails, as a crashed backend tool does.
     *
     * @param input ignored
     * @return never
     */
    public Map<String, Object> analyze_video(
            @Schema(name = "input", description = "the clip to analyse") String input) {
        throw new IllegalStateException("analyzer crashed on " + input);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> draft(ToolContext toolContext) {
        Object current = toolContext.state().get("draft");
        return current instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
    }

    private static List<Object> tracks(Map<String, Object> draft) {
        Object t = draft.get("t");
        return t instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
    }

    private static Map<String, Object> track(int type, Map<String, Object> segment) {
        Map<String, Object> track = new LinkedHashMap<>();
        track.put("tt", type);
        track.put("sg", List.of(segment));
        return track;
    }
}
