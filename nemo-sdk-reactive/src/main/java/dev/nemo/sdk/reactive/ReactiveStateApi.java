package dev.nemo.sdk.reactive;

import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.reactive.internal.Calls;
import dev.nemo.sdk.state.SessionState;
import dev.nemo.sdk.state.StateApi;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** The latest state of a session as a {@link Mono}; each subscription reads it once, so re-subscribing is safe. */
public final class ReactiveStateApi {
    private final StateApi state;

    ReactiveStateApi(StateApi state) {
        this.state = state;
    }

    /**
     * {@return its latest state (media, draft, canvas), with the request options of the subscriber's context; fails with {@link dev.nemo.sdk.error.SessionNotFoundException} for an unknown session}
     *
     * @param sessionId the session
     */
    public Mono<SessionState> get(String sessionId) {
        Objects.requireNonNull(sessionId, "sessionId");
        return Calls.mono(options -> state.getAsync(sessionId, options));
    }

    /**
     * {@return its latest state}
     *
     * @param sessionId the session
     * @param options   per-request overrides (the context's are ignored)
     */
    public Mono<SessionState> get(String sessionId, RequestOptions options) {
        Objects.requireNonNull(sessionId, "sessionId");
        return Calls.mono(o -> state.getAsync(sessionId, o), options);
    }
}
