package dev.nemo.sdk.internal.http;

import java.util.concurrent.CompletableFuture;

/**
 * Gives each attempt one deadline: the call's timeout from the moment it is sent. The JDK's
 * request timeout enforces it up to the response head, and {@link BodyDeadlines} for the rest of
 * a body read whole; a streamed body (chat, download) is guarded by its reader. No timer is
 * scheduled per attempt.
 */
final class DeadlineStage implements HttpStage {

    @Override
    public <T> CompletableFuture<HttpReply<T>> process(HttpCall<T> call, HttpSender next) {
        return next.send(call.withDeadline(System.nanoTime() + call.context().timeout().toNanos()));
    }
}
