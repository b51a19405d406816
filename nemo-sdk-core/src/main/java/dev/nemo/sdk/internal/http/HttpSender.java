package dev.nemo.sdk.internal.http;

import java.util.concurrent.CompletableFuture;

/**
 * Sends one {@link HttpCall} and answers with its reply or its typed error
 * ({@link dev.nemo.sdk.error.NemoException}). The end of the chain sends over the JDK's HTTP
 * client; every {@link HttpStage} in front of it is an {@code HttpSender} to the stage before.
 * In a blocking call ({@link CallContext#blocking()}) the returned future is already complete.
 */
@FunctionalInterface
public interface HttpSender {

    /**
     * {@return the reply, or the typed error}
     *
     * @param call the request as this point of the chain sees it
     * @param <T>  the body type of an accepted stream response
     */
    <T> CompletableFuture<HttpReply<T>> send(HttpCall<T> call);
}
