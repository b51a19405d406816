package dev.nemo.sdk.internal.http;

import java.util.concurrent.CompletableFuture;

/**
 * One concern of the transport (authentication, retry, redirects, …), in the style of OkHttp's
 * interceptors and azure-core's pipeline policies: it may change the call, send it on with
 * {@code next} (once, several times, or not at all) and change the reply.
 */
@FunctionalInterface
public interface HttpStage {

    /**
     * {@return the reply, or the typed error}
     *
     * @param call the call
     * @param next the rest of the chain
     * @param <T>  the body type of an accepted stream response
     */
    <T> CompletableFuture<HttpReply<T>> process(HttpCall<T> call, HttpSender next);
}
