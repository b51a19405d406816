package dev.nemo.sdk.session;

import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.internal.util.Futures;
import java.util.concurrent.CompletableFuture;

/**
 * Creates sessions. Each call creates a new project and session, so it is not idempotent: the SDK
 * does not replay it after an unknown outcome (at worst an orphan session would be left behind).
 * Blocking and {@code …Async} forms, each with and without {@link RequestOptions}.
 */
public interface SessionsApi {

    /** {@return a new session named {@code project} in the JVM's language} */
    default Session create() {
        return create(CreateSessionRequest.defaults(), RequestOptions.none());
    }

    /**
     * {@return the new session}
     *
     * @param request name and language
     */
    default Session create(CreateSessionRequest request) {
        return create(request, RequestOptions.none());
    }

    /**
     * {@return the new session}
     *
     * @param request name and language
     * @param options per-request overrides
     */
    default Session create(CreateSessionRequest request, RequestOptions options) {
        return Futures.await(createAsync(request, options));
    }

    /** {@return a new session named {@code project} in the JVM's language, asynchronously} */
    default CompletableFuture<Session> createAsync() {
        return createAsync(CreateSessionRequest.defaults(), RequestOptions.none());
    }

    /**
     * {@return the new session, asynchronously}
     *
     * @param request name and language
     */
    default CompletableFuture<Session> createAsync(CreateSessionRequest request) {
        return createAsync(request, RequestOptions.none());
    }

    /**
     * {@return the new session, asynchronously; nothing is sent until this method is called}
     *
     * @param request name and language
     * @param options per-request overrides
     */
    CompletableFuture<Session> createAsync(CreateSessionRequest request, RequestOptions options);
}
