package dev.nemo.sdk.testkit;

import dev.nemo.sdk.json.JsonArray;
import dev.nemo.sdk.json.JsonObject;
import dev.nemo.sdk.json.JsonValue;
import java.util.List;

/**
 * A snapshot of an emulated session (project).
 *
 * @param sessionId the session id (a snowflake-style string)
 * @param taskId    the project id
 * @param taskName  the name given at creation
 * @param language  the language given at creation, or {@code null}
 * @param userId    the owner
 * @param state     the session state ({@code video_infos}, {@code draft}, {@code canvas_config}, …)
 * @param edits     chat edits applied so far
 */
public record EmulatorSession(
        String sessionId, String taskId, String taskName, String language, String userId, JsonObject state, int edits) {

    /** @return the draft ({@code t/tt/sg/d/m}); an empty object before the first upload */
    public JsonObject draft() {
        return state.get("draft").flatMap(JsonValue::asObject).orElse(JsonObject.empty());
    }

    /** @return the entries of {@code video_infos}; empty when there are none */
    public List<JsonValue> videoInfos() {
        return state.get("video_infos")
                .flatMap(JsonValue::asArray)
                .map(JsonArray::elements)
                .orElse(List.of());
    }
}
