package dev.nemo.sdk.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The anonymous user's id ({@code anon_…}), taken from every answer that carries a
 * {@code user_id}: the anonymous token, a new session, a session's state. Code 2001 (out of
 * credits) then links to {@code https://nemovideo.com/register?bind=<user_id>}, also for a user
 * whose {@code NEMO_TOKEN} is an anonymous token the SDK did not fetch itself.
 */
public final class AnonymousUser {
    /** The prefix of anonymous user ids. */
    public static final String PREFIX = "anon_";

    private final AtomicReference<@Nullable String> id = new AtomicReference<>();

    /** {@return the last anonymous user id seen, or {@code null}} */
    public @Nullable String id() {
        return id.get();
    }

    /**
     * Keeps a user id when it is an anonymous one.
     *
     * @param userId a {@code user_id} from an answer; kept when it is an anonymous one
     */
    public void offer(@Nullable String userId) {
        if (userId != null && userId.startsWith(PREFIX) && userId.length() > PREFIX.length()) {
            id.set(userId.strip());
        }
    }

    /**
     * Keeps the anonymous {@code user_id} of an answer's payload, if it has one.
     *
     * @param payload an answer's payload
     */
    void capture(@Nullable JsonNode payload) {
        if (payload != null && payload.isObject()) {
            JsonNode u = payload.get("user_id");
            if (u != null && u.isTextual()) {
                offer(u.textValue());
            }
        }
    }
}
