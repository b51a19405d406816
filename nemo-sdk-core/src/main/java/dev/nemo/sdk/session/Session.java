package dev.nemo.sdk.session;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A NemoVideo project and its agent session, as returned by
 * {@code POST /api/tasks/me/with-session/nemo_agent}. Ids are strings: session ids are 64-bit
 * snowflakes that must not pass through a {@code double}.
 */
public final class Session {
    private final String taskId;
    private final String sessionId;
    private final @Nullable String userId;

    /**
     * Creates it from its parts.
     *
     * @param taskId    project id, for example {@code task_xxx}
     * @param sessionId session id, for example {@code 5529798706024415232}
     * @param userId    owner, for example {@code anon_abc123}, or {@code null} when not returned
     */
    public Session(String taskId, String sessionId, @Nullable String userId) {
        this.taskId = Objects.requireNonNull(taskId, "taskId");
        this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
        this.userId = userId;
    }

    /** {@return the project (task) id} */
    public String taskId() {
        return taskId;
    }

    /** {@return the session id used by chat, upload, state and export} */
    public String sessionId() {
        return sessionId;
    }

    /** {@return the owner's user id, when the server returned it} */
    public Optional<String> userId() {
        return Optional.ofNullable(userId);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Session x && taskId.equals(x.taskId)
                && sessionId.equals(x.sessionId) && Objects.equals(userId, x.userId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(taskId, sessionId, userId);
    }

    @Override
    public String toString() {
        return "Session{taskId=" + taskId + ", sessionId=" + sessionId + ", userId=" + userId + '}';
    }
}
