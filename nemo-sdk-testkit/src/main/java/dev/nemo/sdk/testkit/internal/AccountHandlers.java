package dev.nemo.sdk.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.sdk.error.ErrorCodes;
import java.io.IOException;
import java.time.Duration;

/** Tokens, sessions, claim tokens, credits and state. */
final class AccountHandlers {
    private static final long CLAIM_TTL_SECONDS = 7 * 24 * 3600;

    private final World world;

    AccountHandlers(World world) {
        this.world = world;
    }

    /** {@code POST /api/auth/anonymous-token}. */
    void anonymousToken(Call call) throws IOException {
        String clientId = call.header("X-Client-Id");
        if (clientId == null || clientId.isBlank()) {
            call.detail(400, "X-Client-Id header is required");
            return;
        }
        clientId = clientId.strip();
        if (clientId.length() > 64) {
            call.detail(400, "X-Client-Id must be at most 64 characters");
            return;
        }
        World.TokenGrant grant = world.issueAnonymousToken(clientId);
        if (grant.token() == null) {
            long seconds = Math.max(1, (grant.retryAfter().toMillis() + 999) / 1000);
            call.exchange.getResponseHeaders().set("Retry-After", Long.toString(seconds));
            call.detail(
                    429,
                    "Rate limit: " + world.options().tokensPerClient() + " anonymous token(s) per client per "
                            + describe(world.options().tokenLifetime()));
            return;
        }
        ObjectNode data = EmulatorJson.object();
        data.put("token", grant.token());
        data.put("user_id", grant.userId());
        data.put("expires_at", grant.expiresAt().toString());
        data.put("credits", grant.credits());
        call.ok(data);
    }

    /** {@code POST /api/tasks/me/with-session/nemo_agent}. */
    void createSession(Call call) throws IOException {
        ObjectNode body = call.jsonObjectOrReject();
        if (body == null) {
            return;
        }
        String name = EmulatorJson.text(body, "task_name");
        SessionRecord s =
                world.createSession(call.account, name == null ? "project" : name, EmulatorJson.text(body, "language"));
        if (world.options().agentBackend().isPresent()) {
            world.options().agentBackend().get().createSession(s.sessionId);
        }
        ObjectNode data = EmulatorJson.object();
        data.put("task_id", s.taskId);
        data.put("session_id", s.sessionId);
        data.put("user_id", s.owner.userId);
        call.ok(data);
    }

    /** {@code POST /api/auth/claim-token}. */
    void claimToken(Call call) throws IOException {
        ObjectNode body = call.jsonObjectOrReject();
        if (body == null) {
            return;
        }
        String sessionId = EmulatorJson.text(body, "session_id");
        String taskId = EmulatorJson.text(body, "task_id");
        if (sessionId == null || taskId == null) {
            call.detail(422, "task_id and session_id are required");
            return;
        }
        SessionRecord s = world.session(call.account, sessionId);
        String claim = s == null ? null : world.claimToken(s, taskId);
        if (claim == null) {
            call.code(ErrorCodes.SESSION_NOT_FOUND, 200, null);
            return;
        }
        call.ok(EmulatorJson.object().put("claim_token", claim).put("expires_in", CLAIM_TTL_SECONDS));
    }

    /** {@code GET /api/credits/balance/simple}. */
    void credits(Call call) throws IOException {
        ObjectNode data = world.locked(() -> {
            ObjectNode d = EmulatorJson.object();
            d.put("available", call.account.available);
            d.put("frozen", call.account.frozen);
            d.put("total", call.account.available + call.account.frozen);
            return d;
        });
        call.ok(data);
    }

    /** {@code GET /api/state/nemo_agent/me/<sid>/latest}. */
    void state(Call call) throws IOException {
        SessionRecord s = world.session(call.account, call.params.get("sid"));
        if (s == null) {
            call.code(ErrorCodes.SESSION_NOT_FOUND, 200, null);
            return;
        }
        ObjectNode data = world.locked(() -> {
            ObjectNode d = EmulatorJson.object();
            d.put("session_id", s.sessionId);
            d.put("task_id", s.taskId);
            d.put("task_name", s.taskName);
            d.set("state", s.visibleState(world.clock().instant()));
            return d;
        });
        if (world.options().agentBackend().isPresent()) {
            world.options()
                    .agentBackend()
                    .get()
                    .state(s.sessionId)
                    .ifPresent(agent -> AgentRelay.overlay((ObjectNode) data.get("state"), agent));
        }
        call.ok(data);
    }

    private static String describe(Duration d) {
        if (d.toDays() > 0 && d.equals(Duration.ofDays(d.toDays()))) {
            return d.toDays() + " days";
        }
        return d.toSeconds() + " seconds";
    }
}
