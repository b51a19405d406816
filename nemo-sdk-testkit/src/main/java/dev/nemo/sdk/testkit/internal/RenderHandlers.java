package dev.nemo.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.sdk.draft.Draft;
import dev.nemo.sdk.error.ErrorCodes;
import dev.nemo.sdk.testkit.RenderInput;
import dev.nemo.sdk.testkit.RenderOutput;
import dev.nemo.sdk.testkit.RenderPacing;
import dev.nemo.sdk.testkit.SourceMedia;
import dev.nemo.sdk.testkit.UnrenderableMediaException;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The render proxy: submit, poll (form A of contract §3.9), cancel and authenticated download.
 * Status follows {@link RenderPacing}; the render itself runs in the background from submission,
 * and the poll that is due to report {@code completed} waits for it, so results are deterministic.
 */
final class RenderHandlers {
    private static final Pattern RENDER_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Duration MAX_RENDER_WAIT = Duration.ofMinutes(10);

    private final World world;
    private final RenderService renders;

    RenderHandlers(World world, RenderService renders) {
        this.world = world;
        this.renders = renders;
    }

    /** {@code POST /api/render/proxy/lambda}. */
    void submit(Call call) throws IOException {
        if (!attributed(call)) {
            call.renderError(
                    402,
                    "Payment Required: export is not available on this plan. Requests without the "
                            + "X-Skill-Source, X-Skill-Version and X-Skill-Platform headers are treated as the free web plan",
                    null);
            return;
        }
        ObjectNode body;
        try {
            body = call.jsonObject();
        } catch (Call.BadRequest e) {
            call.renderError(400, e.getMessage(), null);
            return;
        }
        String id = EmulatorJson.text(body, "id");
        String sessionId = EmulatorJson.text(body, "sessionId", "session_id");
        JsonNode draft = body.get("draft");
        JsonNode output = body.get("output");
        if (id == null || !RENDER_ID.matcher(id).matches()) {
            call.renderError(400, "id is required (1-128 letters, digits, '.', '_', ':' or '-')", null);
            return;
        }
        if (sessionId == null) {
            call.renderError(400, "sessionId is required", null);
            return;
        }
        SessionRecord session = world.session(call.account, sessionId);
        if (session == null) {
            call.renderError(200, "Session not found", ErrorCodes.SESSION_NOT_FOUND);
            return;
        }
        if (draft == null || !draft.isObject()) {
            call.renderError(400, "draft is required (the draft from the session state)", null);
            return;
        }
        if (output != null && !output.isNull() && !output.isObject()) {
            call.renderError(400, "output must be an object", null);
            return;
        }
        if (!Draft.parse(EmulatorJson.text(draft)).isExportable()) {
            call.renderError(400, "The draft has no segments to render; upload media first", null);
            return;
        }
        if (world.renderExists(id)) {
            call.renderError(409, "Render id already exists: " + id + "; use a new id", null);
            return;
        }
        List<SourceMedia> sources = world.locked(() -> {
            List<SourceMedia> s = new ArrayList<>();
            session.media.forEach(m -> s.add(m.toSource()));
            return s;
        });
        JsonNode out = output == null || output.isNull() ? EmulatorJson.object() : output;
        RenderInput input =
                new RenderInput(id, sessionId, JsonBridge.objectOrEmpty(draft), JsonBridge.objectOrEmpty(out), sources);
        Future<RenderOutput> work = renders.start(input);
        RenderRecord record = new RenderRecord(
                id, session, call.account, draft, out, world.clock().instant(), renders.name(), work);
        record.input = input;
        if (!world.addRender(record)) {
            work.cancel(true);
            call.renderError(409, "Render id already exists: " + id + "; use a new id", null);
            return;
        }
        call.render(world.locked(() -> data(record)));
    }

    /** {@code GET /api/render/proxy/lambda/<id>}. */
    void poll(Call call) throws IOException {
        RenderRecord r = world.render(call.account, call.params.get("id"));
        if (r == null) {
            call.renderError(404, "Render not found: " + call.params.get("id"), null);
            return;
        }
        boolean completeNow = world.locked(() -> {
            r.polls++;
            if (r.finished()) {
                return false;
            }
            return advance(r);
        });
        if (completeNow) {
            finish(r);
        }
        call.render(world.locked(() -> data(r)));
    }

    /** {@code POST /api/render/proxy/lambda/<id>/cancel}. */
    void cancel(Call call) throws IOException {
        RenderRecord r = world.render(call.account, call.params.get("id"));
        if (r == null) {
            call.renderError(404, "Render not found: " + call.params.get("id"), null);
            return;
        }
        String refused = world.locked(() -> {
            if (r.finished()) {
                return r.status;
            }
            r.cancelled = true;
            r.status = "failed";
            r.error = "Cancelled by the user";
            if (r.work != null) {
                r.work.cancel(true);
            }
            return null;
        });
        if (refused != null) {
            call.renderError(409, "Render already " + refused + "; nothing to cancel", null);
            return;
        }
        call.render(world.locked(() -> data(r)));
    }

    /** {@code GET /api/render/proxy/<id>/download}. */
    void download(Call call) throws IOException {
        RenderRecord r = world.render(call.account, call.params.get("id"));
        if (r == null) {
            call.renderError(404, "Render not found: " + call.params.get("id"), null);
            return;
        }
        RenderOutput result = world.locked(() -> "completed".equals(r.status) ? r.result : null);
        if (result == null) {
            call.renderError(409, "Render is not completed (status: " + world.locked(() -> r.status) + ")", null);
            return;
        }
        call.exchange
                .getResponseHeaders()
                .set("Content-Disposition", "attachment; filename=\"" + r.id + "." + result.extension() + "\"");
        call.raw(200, result.mimeType(), result.bytes());
    }

    /** Moves status along the pacing; @return whether this poll is the one that completes the render. */
    private boolean advance(RenderRecord r) {
        RenderPacing pacing = world.options().renderPacing();
        if (pacing.polls().isPresent()) {
            int due = pacing.polls().getAsInt();
            if (r.polls >= due) {
                return true;
            }
            r.status = "processing";
            r.progress = 5 + 90 * r.polls / due;
            return false;
        }
        Duration total = pacing.duration().orElseThrow();
        Duration elapsed = Duration.between(r.createdAt, world.clock().instant());
        if (elapsed.compareTo(total) >= 0) {
            return true;
        }
        if (elapsed.isZero() || elapsed.isNegative()) {
            return false;
        }
        r.status = "processing";
        r.progress = (int) Math.min(95, 5 + 90 * elapsed.toMillis() / Math.max(1, total.toMillis()));
        return false;
    }

    /** Waits for the background render (outside the lock) and records its outcome. */
    private void finish(RenderRecord r) {
        Future<RenderOutput> work = r.work;
        RenderOutput result = null;
        String error = null;
        Integer code = null;
        try {
            result = work.get(MAX_RENDER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String why = cause.getMessage() == null ? cause.toString() : cause.getMessage();
            if (cause instanceof UnrenderableMediaException) {
                code = ErrorCodes.UNSUPPORTED_FILE_TYPE;
                error = "Unsupported file type: " + why;
            } else {
                error = "Render failed: " + why;
            }
        } catch (CancellationException e) {
            error = "Cancelled by the user";
        } catch (TimeoutException e) {
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        RenderOutput done = result;
        String description = done == null ? null : RenderDescription.of(r.input, done);
        String failure = error;
        Integer failureCode = code;
        Instant now = world.clock().instant();
        boolean publish = world.locked(() -> {
            if (r.finished()) {
                return false;
            }
            r.completedAt = now;
            if (done == null) {
                r.status = "failed";
                r.error = failure;
                r.code = failureCode;
                return false;
            }
            r.status = "completed";
            r.progress = 100;
            r.result = done;
            r.description = description;
            return true;
        });
        if (publish) {
            String path = "/render-result/" + URLEncoder.encode(r.id, StandardCharsets.UTF_8) + "." + done.extension();
            world.publish(r, path, new World.CdnObject(done.bytes(), done.mimeType()));
        }
    }

    private static ObjectNode data(RenderRecord r) {
        ObjectNode d = EmulatorJson.object();
        d.put("id", r.id);
        d.put("status", r.status);
        d.put("progress", r.progress);
        if (r.outputUrl != null) {
            d.put("outputUrl", r.outputUrl);
        }
        d.put("createdAt", r.createdAt.toEpochMilli());
        if (r.completedAt != null) {
            d.put("completedAt", r.completedAt.toEpochMilli());
        }
        d.put("renderer", r.rendererName);
        d.put(
                "format",
                r.result != null
                        ? r.result.extension()
                        : r.output
                                .path("format")
                                .asText(r.draft.path("m").path("format").asText("mp4")));
        if (r.result != null) {
            d.put("size", r.result.size());
            d.put("converted", r.result.converted());
            r.result.note().ifPresent(n -> d.put("note", n));
            if (r.description != null) {
                d.put("description", r.description);
            }
            if (!r.result.details().isEmpty()) {
                d.set("details", EmulatorJson.mapper().valueToTree(r.result.details()));
            }
        }
        if (r.error != null) {
            d.put("error", r.error);
        }
        if (r.code != null) {
            d.put("code", r.code);
        }
        return d;
    }

    private static boolean attributed(Call call) {
        for (String h : new String[] {"X-Skill-Source", "X-Skill-Version", "X-Skill-Platform"}) {
            String v = call.header(h);
            if (v == null || v.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
