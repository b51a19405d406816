package dev.nemo.sdk.reactive;

import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.reactive.internal.Calls;
import dev.nemo.sdk.session.CreateSessionRequest;
import dev.nemo.sdk.session.Session;
import dev.nemo.sdk.session.SessionsApi;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Session creation as a {@link Mono}. Every subscription creates a new project and session: a
 * {@code retry()} or a second subscriber creates another one.
 */
public final class ReactiveSessionsApi {
    private final SessionsApi sessions;

    ReactiveSessionsApi(SessionsApi sessions) {
        this.sessions = sessions;
    }

    /** {@return a new session named {@code project} in the JVM's language (read at subscription)} */
    public Mono<Session> create() {
        return Mono.defer(() -> create(CreateSessionRequest.defaults()));
    }

    /**
     * {@return a new session, with the request options of the subscriber's context}
     *
     * @param request name and language
     */
    public Mono<Session> create(CreateSessionRequest request) {
        Objects.requireNonNull(request, "request");
        return Calls.mono(options -> sessions.createAsync(request, options));
    }

    /**
     * {@return a new session}
     *
     * @param request name and language
     * @param options per-request overrides (the context's are ignored)
     */
    public Mono<Session> create(CreateSessionRequest request, RequestOptions options) {
        Objects.requireNonNull(request, "request");
        return Calls.mono(o -> sessions.createAsync(request, o), options);
    }
}
