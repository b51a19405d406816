package dev.nemo.sdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A snapshot of an emulated session (project).
 *
 * @param sessionId the session id (a snowflake-style string)
 * @param taskId    the project id
 * @param taskName  the name given at creation
 * @param language  the language given at creation, or {@code null}
 * @param userId    the owner
 * @param state     a copy of the session state ({@code video_infos}, {@code draft}, {@code canvas_config}, …)
 * @param edits     chat edits applied so far
 */
public record EmulatorSession(String sessionId, String taskId, String taskName, String language, String userId,
                              JsonNode state, int edits) {

    /** @return a copy of the draft ({@code t/tt/sg/d/m}); an empty object before the first upload */
    public JsonNode draft() {
        return state.path("draft").deepCopy();
    }

    /** @return a copy of {@code video_infos} */
    public JsonNode videoInfos() {
        return state.path("video_infos").deepCopy();
    }
}
