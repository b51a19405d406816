package dev.nemo.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.sdk.error.ErrorCodes;
import dev.nemo.sdk.testkit.EmulatorOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code POST /run_sse}: runs the rule-based agent on the message and streams ADK events. Errors
 * found before the stream (1001, 1002, 2001, bad body) are JSON envelopes; an edit's credits are
 * frozen while it runs and consumed when it ends; the stream ends with EOF.
 */
final class ChatHandler {
    private final World world;
    private final EmulatorOptions options;
    private final CountDownLatch stopping;

    ChatHandler(World world, CountDownLatch stopping) {
        this.world = world;
        this.options = world.options();
        this.stopping = stopping;
    }

    void handle(Call call) throws IOException {
        ObjectNode body = call.jsonObjectOrReject();
        if (body == null) {
            return;
        }
        String app = EmulatorJson.text(body, "app_name", "appName");
        if (app != null && !app.equals(AdkEvents.AUTHOR)) {
            call.detail(404, "App not found: " + app);
            return;
        }
        String sessionId = EmulatorJson.text(body, "session_id", "sessionId");
        JsonNode message = body.has("new_message") ? body.get("new_message") : body.get("newMessage");
        if (sessionId == null || message == null || !message.path("parts").isArray()) {
            call.detail(422, "session_id and new_message.parts are required");
            return;
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : message.path("parts")) {
            text.append(part.path("text").asText(""));
        }
        boolean streaming = body.path("streaming").asBoolean(false);
        SessionRecord session = world.session(call.account, sessionId);
        if (session == null) {
            call.code(ErrorCodes.SESSION_NOT_FOUND, 200, null);
            return;
        }
        if (options.agentBackend().isPresent()) {
            AgentRelay.run(options.agentBackend().get(), body, call);
            return;
        }
        FaultRule fault = call.streamFault;
        AdkEvents events = new AdkEvents(options.sseDialect(), world.ids(), world.clock());
        String invocation = events.invocationId();
        if (fault != null && fault.kind() == FaultRule.Kind.MODEL_ERROR) {
            OutputStream out = call.stream(200, "text/event-stream");
            out.write(events.frame(events.modelError(invocation, fault.text, fault.text2)));
            out.flush();
            return;
        }
        boolean hasMedia = world.locked(() -> !session.media.isEmpty());
        Agent.Plan plan = Agent.plan(text.toString(), hasMedia);
        long cost = plan.kind() == Agent.Kind.EDIT ? options.creditsPerEdit() : 0;
        if (cost > 0 && !world.reserve(call.account, cost)) {
            long available = world.locked(() -> call.account.available);
            call.code(
                    ErrorCodes.INSUFFICIENT_CREDITS,
                    200,
                    "Insufficient credits: an edit costs " + cost + " credits and " + available + " are available");
            return;
        }
        try {
            OutputStream out = call.stream(200, "text/event-stream");
            boolean clientGone = heartbeats(out, fault, events);
            List<ObjectNode> list = plan.kind() == Agent.Kind.EDIT
                    ? edit(session, plan, text.toString(), events, invocation, streaming)
                    : answer(plan.text(), events, invocation, streaming);
            if (!clientGone) {
                deliver(out, list, fault, events, invocation);
            }
        } finally {
            if (cost > 0) {
                world.settle(call.account, cost);
            }
        }
    }

    private List<ObjectNode> edit(
            SessionRecord session,
            Agent.Plan plan,
            String instruction,
            AdkEvents events,
            String invocation,
            boolean streaming) {
        final class Outcome {
            List<DraftEditor.Change> changes;
            boolean silent;
            ObjectNode draft;
            ObjectNode canvas;
        }
        Outcome o = world.locked(() -> {
            Outcome r = new Outcome();
            if (!options.stateLag().isZero()) {
                Instant now = world.clock().instant();
                session.lagStateUntil(now, now.plus(options.stateLag()));
            }
            ObjectNode canvas = session.canvas().deepCopy();
            DraftEditor editor = new DraftEditor(session.draft(), canvas);
            r.changes = new ArrayList<>();
            try {
                for (EditOp op : plan.ops()) {
                    r.changes.add(editor.apply(op));
                }
                session.draft(editor.draft());
                session.state.set("canvas_config", canvas);
            } catch (IllegalStateException e) {
                r.changes = List.of(new DraftEditor.Change(
                        "error",
                        false,
                        "the draft could not be edited (" + e.getMessage() + ")",
                        "无法编辑草稿（" + e.getMessage() + "）"));
            }
            r.silent = Agent.silent(options.silentEdits(), options.seed(), session.sessionId, session.edits);
            session.edits++;
            r.draft = (ObjectNode) session.state.get("draft").deepCopy();
            r.canvas = session.canvas().deepCopy();
            return r;
        });
        String callId = events.callId();
        ObjectNode args = EmulatorJson.object().put("instruction", instruction);
        ObjectNode response = EmulatorJson.object().put("status", "ok");
        ArrayNode applied = response.putArray("applied");
        int changed = 0;
        for (DraftEditor.Change c : o.changes) {
            applied.add(c.en());
            changed += c.changed() ? 1 : 0;
        }
        response.put("tracks_changed", changed);
        ObjectNode delta = EmulatorJson.object();
        delta.set("draft", o.draft);
        delta.set("canvas_config", o.canvas);
        List<ObjectNode> list = new ArrayList<>();
        list.add(events.functionCall(invocation, callId, Agent.TOOL, args));
        list.add(events.functionResponse(invocation, callId, Agent.TOOL, response, delta));
        if (o.silent) {
            list.add(events.emptyFinal(invocation));
        } else {
            list.addAll(answer(Agent.reply(o.changes, plan.chinese()), events, invocation, streaming));
        }
        return list;
    }

    private static List<ObjectNode> answer(String text, AdkEvents events, String invocation, boolean streaming) {
        List<ObjectNode> list = new ArrayList<>();
        if (streaming) {
            for (String chunk : chunks(text)) {
                list.add(events.text(invocation, chunk, true));
            }
        }
        list.add(events.text(invocation, text, false));
        return list;
    }

    /** Splits a text into about three chunks on code point boundaries, preferring spaces. */
    static List<String> chunks(String text) {
        int[] cps = text.codePoints().toArray();
        int size = Math.max(1, (cps.length + 2) / 3);
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < cps.length) {
            int end = Math.min(cps.length, start + size);
            int space = end;
            while (space < cps.length && space < end + 10 && cps[space] != ' ') {
                space++;
            }
            if (space < cps.length && cps[space] == ' ') {
                end = space + 1;
            }
            out.add(new String(Arrays.copyOfRange(cps, start, end), 0, end - start));
            start = end;
        }
        return out;
    }

    /** @return whether the client went away during the heartbeats */
    private boolean heartbeats(OutputStream out, FaultRule fault, AdkEvents events) {
        if (fault == null || fault.kind() != FaultRule.Kind.HEARTBEATS) {
            return false;
        }
        try {
            int sent = 0;
            while (fault.flag ? !fault.isReleased() : sent < fault.number) {
                out.write(events.heartbeat(fault.style));
                out.flush();
                sent++;
                boolean released = fault.flag
                        ? fault.awaitRelease(fault.duration)
                        : stopping.await(fault.duration.toNanos(), TimeUnit.NANOSECONDS);
                if (stopping.getCount() == 0) {
                    throw new Call.Drop("emulator stopping");
                }
                if (fault.flag && released) {
                    break;
                }
            }
            return false;
        } catch (IOException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Call.Drop("interrupted");
        }
    }

    private static void deliver(
            OutputStream out, List<ObjectNode> list, FaultRule fault, AdkEvents events, String invocation)
            throws IOException {
        int cutAt = -1;
        boolean midEvent = false;
        int errorAt = -1;
        if (fault != null) {
            switch (fault.kind()) {
                case CUT:
                    cutAt = fault.number;
                    midEvent = fault.flag;
                    break;
                case STREAM_ERROR:
                    errorAt = fault.number;
                    break;
                case TRAILING_TEXT:
                    list.add(events.text(invocation, fault.text, false));
                    break;
                default:
                    break;
            }
        }
        for (int i = 0; i < list.size(); i++) {
            byte[] frame = events.frame(list.get(i));
            if (i == cutAt) {
                if (midEvent) {
                    out.write(frame, 0, frame.length / 2);
                    out.flush();
                }
                throw new Call.Drop("scripted cut");
            }
            if (i == errorAt) {
                out.write(events.errorFrame(fault.text));
                out.flush();
                return;
            }
            out.write(frame);
            out.flush();
        }
        if (cutAt >= list.size()) {
            throw new Call.Drop("scripted cut");
        }
        if (errorAt >= list.size()) {
            out.write(events.errorFrame(fault.text));
            out.flush();
        }
    }
}
