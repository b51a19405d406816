package dev.nemo.sdk.state;

import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.error.SessionNotFoundException;
import dev.nemo.sdk.internal.util.Futures;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the latest state of a session: {@code GET /api/state/nemo_agent/me/<sid>/latest}.
 * Reading is idempotent, so network errors and 5xx are retried by the retry policy. Blocking and
 * {@code …Async} forms, each with and without {@link RequestOptions}.
 *
 * <pre>{@code
 * SessionState before = client.state().get(sessionId);
 * // ... an edit that ended without any text ...
 * SessionState after = client.state().get(sessionId);
 * System.out.println(StateDiff.between(before, after).describe());
 * }</pre>
 */
public interface StateApi {

    /**
     * {@return its latest state}
     *
     * @param sessionId the session
     * @throws SessionNotFoundException when the session does not exist (code 1002)
     */
    default SessionState get(String sessionId) {
        return get(sessionId, RequestOptions.none());
    }

    /**
     * {@return its latest state}
     *
     * @param sessionId the session
     * @param options   per-request overrides
     * @throws SessionNotFoundException when the session does not exist (code 1002)
     */
    default SessionState get(String sessionId, RequestOptions options) {
        return Futures.await(getAsync(sessionId, options));
    }

    /**
     * {@return its latest state, asynchronously}
     *
     * @param sessionId the session
     */
    default CompletableFuture<SessionState> getAsync(String sessionId) {
        return getAsync(sessionId, RequestOptions.none());
    }

    /**
     * {@return its latest state, asynchronously; nothing is sent until this method is called}
     *
     * @param sessionId the session
     * @param options   per-request overrides
     */
    CompletableFuture<SessionState> getAsync(String sessionId, RequestOptions options);
}
