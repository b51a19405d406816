package dev.nemo.sdk.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.sdk.draft.Draft;
import dev.nemo.sdk.internal.draft.DraftNodes;
import dev.nemo.sdk.internal.draft.DraftTrees;
import dev.nemo.sdk.internal.json.JsonValues;
import dev.nemo.sdk.json.JsonObject;
import dev.nemo.sdk.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The latest state of a session, from {@code GET /api/state/nemo_agent/me/<sid>/latest}: the
 * media added to it ({@code video_infos}), the draft, the canvas, AI analyses and generated media.
 * Shapes the API does not document are kept as JSON; the whole response stays reachable through
 * {@link #toJson()}.
 *
 * <p>The progress rules of the API:
 * <ul>
 *   <li>{@link #hasAssets()}: {@code video_infos} is a non-empty array;</li>
 *   <li>{@link #hasDraft()}: the draft is a non-empty object;</li>
 *   <li>{@link #isExportable()}: the draft's {@code t} exists and a track has a non-empty {@code sg}.</li>
 * </ul>
 *
 * <p>Immutable; equality is JSON equality. Session and task ids are strings (they can exceed
 * {@code Long.MAX_VALUE}).
 */
public final class SessionState {
    /** Field of the response data holding the state object. */
    public static final String STATE = "state";
    /** State field: uploaded and generated media. */
    public static final String VIDEO_INFOS = "video_infos";
    /** State field: the draft. */
    public static final String DRAFT = "draft";
    /** State field: canvas width, height, aspect ratio. */
    public static final String CANVAS_CONFIG = "canvas_config";
    /** State field: AI analysis results. */
    public static final String VIDEO_ANALYSES = "video_analyses";
    /** State field: AI-generated media. */
    public static final String GENERATED_MEDIA = "generated_media";

    private final ObjectNode data;
    private final ObjectNode state;
    /** Whether the data has no {@code state} wrapper, so that the data object is the state. */
    private final boolean unwrapped;

    private SessionState(ObjectNode data) {
        this.data = data;
        JsonNode s = data.get(STATE);
        this.unwrapped = s == null && (data.has(DRAFT) || data.has(VIDEO_INFOS));
        if (s instanceof ObjectNode wrapped) {
            this.state = wrapped;
        } else if (unwrapped) {
            this.state = data;
        } else {
            this.state = DraftNodes.NODES.objectNode();
        }
    }

    /**
     * {@return the state}
     *
     * @param data the response's {@code data} object, with {@code session_id},
     *             {@code task_id}, {@code task_name} and {@code state}; a bare state object is
     *             accepted too
     */
    public static SessionState of(JsonObject data) {
        Objects.requireNonNull(data, "data");
        return new SessionState(JsonValues.toJackson(data));
    }

    /** {@return a state with nothing in it (no media, no draft)} */
    public static SessionState empty() {
        return new SessionState(DraftNodes.NODES.objectNode());
    }

    /** {@return the session id ({@code session_id}), when the response carried it} */
    public Optional<String> sessionId() {
        return idText(data.get("session_id"));
    }

    /** {@return the project id ({@code task_id}), when the response carried it} */
    public Optional<String> taskId() {
        return idText(data.get("task_id"));
    }

    /** {@return the project name ({@code task_name}), when present} */
    public Optional<String> taskName() {
        return DraftNodes.text(data.get("task_name"));
    }

    /** {@return the media entries ({@code video_infos}); empty when absent or not an array} */
    public List<JsonValue> videoInfos() {
        JsonNode v = state.get(VIDEO_INFOS);
        if (v == null || !v.isArray()) {
            return List.of();
        }
        List<JsonValue> out = new ArrayList<>(v.size());
        v.forEach(n -> out.add(JsonValues.fromJackson(n)));
        return Collections.unmodifiableList(out);
    }

    /** {@return the draft, when it is a non-empty object} */
    public Optional<Draft> draft() {
        JsonNode d = state.get(DRAFT);
        return d != null && d.isObject() && d.size() > 0 ? Optional.of(DraftTrees.wrap(((ObjectNode) d).deepCopy())) : Optional.empty();
    }

    /** {@return {@code canvas_config} (width, height, aspect ratio), when present} */
    public Optional<JsonValue> canvasConfig() {
        return stateField(CANVAS_CONFIG);
    }

    /** {@return {@code video_analyses}, when present} */
    public Optional<JsonValue> videoAnalyses() {
        return stateField(VIDEO_ANALYSES);
    }

    /** {@return {@code generated_media}, when present} */
    public Optional<JsonValue> generatedMedia() {
        return stateField(GENERATED_MEDIA);
    }

    /**
     * {@return its value, when present and not {@code null}}
     *
     * @param name a field of the state object
     */
    public Optional<JsonValue> stateField(String name) {
        JsonNode v = state.get(Objects.requireNonNull(name, "name"));
        return v == null || v.isNull() ? Optional.empty() : Optional.of(JsonValues.fromJackson(v));
    }

    /** {@return whether media was added: {@code video_infos} is a non-empty array} */
    public boolean hasAssets() {
        JsonNode v = state.get(VIDEO_INFOS);
        return v != null && v.isArray() && v.size() > 0;
    }

    /** {@return whether a draft exists: it is a non-empty object} */
    public boolean hasDraft() {
        JsonNode d = state.get(DRAFT);
        return d != null && d.isObject() && d.size() > 0;
    }

    /** {@return whether the draft can be exported (see {@link Draft#isExportable()})} */
    public boolean isExportable() {
        return draft().map(Draft::isExportable).orElse(false);
    }

    /**
     * {@return a copy whose {@code state.draft} is {@code draft} (everything else kept)}
     *
     * @param draft the new draft
     */
    public SessionState withDraft(Draft draft) {
        Objects.requireNonNull(draft, "draft");
        ObjectNode copy = data.deepCopy();
        ObjectNode s = unwrapped ? copy : DraftNodes.editableObject(copy, STATE, "the session state");
        s.set(DRAFT, DraftTrees.of(draft).deepCopy());
        return new SessionState(copy);
    }

    /** {@return the whole response data} */
    public JsonObject toJson() {
        return JsonValues.fromJackson(data);
    }

    /** {@return the state object} */
    public JsonObject stateJson() {
        return JsonValues.fromJackson(state);
    }

    ObjectNode stateNode() {
        return state;
    }

    private static Optional<String> idText(JsonNode v) {
        if (v == null || v.isNull() || v.isContainerNode()) {
            return Optional.empty();
        }
        // a numeric id is kept digit for digit (never through a double)
        if (v.isNumber()) {
            return Optional.of(v.isIntegralNumber() ? v.bigIntegerValue().toString() : v.decimalValue().toPlainString());
        }
        return Optional.of(v.isTextual() ? v.textValue() : v.asText());
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof SessionState s && data.equals(s.data);
    }

    @Override
    public int hashCode() {
        return data.hashCode();
    }

    @Override
    public String toString() {
        return "SessionState{sessionId=" + sessionId().orElse("?") + ", assets=" + videoInfos().size() + ", draft="
                + draft().map(Draft::summary).orElse("none") + '}';
    }
}
