package dev.nemo.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nemo.sdk.testkit.EmulatorRender;
import dev.nemo.sdk.testkit.RenderInput;
import dev.nemo.sdk.testkit.RenderOutput;
import java.time.Instant;
import java.util.concurrent.Future;

/** An export; mutable, guarded by the {@link World} lock. */
final class RenderRecord {
    final String id;
    final SessionRecord session;
    final Account owner;
    final JsonNode draft;
    final JsonNode output;
    final Instant createdAt;
    final String rendererName;
    final Future<RenderOutput> work;
    /** What the export asked for, to describe the output against. */
    RenderInput input;
    /** The agent's words for the finished render, from the output file ({@link RenderDescription}). */
    String description;

    int polls;
    String status = "pending";
    int progress = 5;
    Instant completedAt;
    RenderOutput result;
    String outputUrl;
    String error;
    Integer code;
    boolean cancelled;

    RenderRecord(
            String id,
            SessionRecord session,
            Account owner,
            JsonNode draft,
            JsonNode output,
            Instant createdAt,
            String rendererName,
            Future<RenderOutput> work) {
        this.id = id;
        this.session = session;
        this.owner = owner;
        this.draft = draft;
        this.output = output;
        this.createdAt = createdAt;
        this.rendererName = rendererName;
        this.work = work;
    }

    boolean finished() {
        return status.equals("completed") || status.equals("failed");
    }

    EmulatorRender snapshot() {
        return new EmulatorRender(
                id,
                session.sessionId,
                status,
                progress,
                polls,
                rendererName,
                outputUrl,
                result == null ? -1 : result.size(),
                error);
    }
}
