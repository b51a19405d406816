package dev.nemo.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.sdk.draft.Draft;
import dev.nemo.sdk.testkit.EmulatorSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A session (project); mutable, guarded by the {@link World} lock. */
final class SessionRecord {
    final String sessionId;
    final String taskId;
    final String taskName;
    final String language;
    final Account owner;
    final ObjectNode state;
    final List<MediaAsset> media = new ArrayList<>();
    int edits;
    String claimToken;
    /** The state readers see until {@link #laggedUntil}, when the state endpoint lags behind an edit. */
    private ObjectNode lagged;

    private Instant laggedUntil;

    SessionRecord(String sessionId, String taskId, String taskName, String language, Account owner) {
        this.sessionId = sessionId;
        this.taskId = taskId;
        this.taskName = taskName;
        this.language = language;
        this.owner = owner;
        this.state = EmulatorJson.object();
        state.set("video_infos", EmulatorJson.array());
        state.set("draft", EmulatorJson.object());
        state.set("canvas_config", EmulatorJson.object());
        state.set("video_analyses", EmulatorJson.object());
        state.set("generated_media", EmulatorJson.array());
    }

    Draft draft() {
        JsonNode d = state.get("draft");
        return d != null && d.isObject() ? Draft.parse(EmulatorJson.text(d)) : Draft.empty();
    }

    void draft(Draft draft) {
        state.set("draft", JsonBridge.toJackson(draft.toJson()));
    }

    /**
     * Starts hiding the edits about to be made from state readers until {@code until}; an edit
     * made while an earlier lag runs extends it and keeps showing the oldest state.
     */
    void lagStateUntil(Instant now, Instant until) {
        if (lagged == null || !now.isBefore(laggedUntil)) {
            lagged = state.deepCopy();
        }
        laggedUntil = until;
    }

    /** @return the state a reader sees at {@code now} (a copy) */
    ObjectNode visibleState(Instant now) {
        if (lagged != null && now.isBefore(laggedUntil)) {
            return lagged.deepCopy();
        }
        lagged = null;
        return state.deepCopy();
    }

    ObjectNode canvas() {
        return (ObjectNode) state.get("canvas_config");
    }

    EmulatorSession snapshot() {
        return new EmulatorSession(
                sessionId,
                taskId,
                taskName,
                language,
                owner.userId,
                (dev.nemo.sdk.json.JsonObject) JsonBridge.fromJackson(state),
                edits);
    }
}
