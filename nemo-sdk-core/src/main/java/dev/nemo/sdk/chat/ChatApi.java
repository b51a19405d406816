package dev.nemo.sdk.chat;

import dev.nemo.sdk.error.InsufficientCreditsException;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.error.StreamTimeoutException;
import dev.nemo.sdk.error.TransportException;
import dev.nemo.sdk.internal.util.Futures;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * Chat with the session's agent ({@code POST /run_sse}, a Server-Sent Events stream).
 *
 * <p>A chat message costs credits, so the SDK <b>never re-sends one on its own</b>: only a
 * request refused before anything ran (an expired token, code 1001, renewed once; a connection
 * that could not be opened) is sent again. A cut stream or a timeout ends the call with a typed
 * error; {@link #send} then reads the session state to tell whether the message took effect.
 *
 * <p>Three forms, one implementation: {@link #publisher} (a {@link Flow.Publisher} with
 * backpressure, which the Reactor module adapts), {@link #stream} (a blocking iterator), and
 * {@link #send} / {@link #sendAsync} (the whole result, optionally showing each event to a
 * {@link ChatListener}). Each comes with and without {@link ChatOptions}; progress ("still
 * working") goes to {@link ChatOptions.Builder#onProgress}.
 *
 * <pre>{@code
 * ChatResult r = client.chat().send(session.sessionId(), "compress it to under 2 MB");
 * System.out.println(r.hasText() ? r.text() : r.end());
 * }</pre>
 */
public interface ChatApi {

    /**
     * {@return a single-use publisher of the events, with {@link ChatOptions#defaults()}}
     *
     * @param sessionId the session
     * @param message   the user's message, not empty
     * @see #publisher(String, String, ChatOptions)
     */
    default Flow.Publisher<ChatEvent> publisher(String sessionId, String message) {
        return publisher(sessionId, message, ChatOptions.defaults());
    }

    /**
     * The events of one message as a {@link Flow.Publisher}. Nothing is sent until it is
     * subscribed; it accepts one subscriber (a second gets {@link IllegalStateException}, and no
     * second request is sent). Demand flows back to reading the response body, so a slow
     * subscriber holds the stream back instead of buffering it. Errors before the stream (for
     * example {@link InsufficientCreditsException}) and interruptions
     * ({@link TransportException}, {@link StreamTimeoutException})
     * arrive as {@code onError}; a normal end of stream as {@code onComplete}.
     *
     * @param sessionId the session
     * @param message   the user's message, not empty
     * @param options   streaming, watchdogs, limits and request options
     * @return a single-use publisher
     */
    Flow.Publisher<ChatEvent> publisher(String sessionId, String message, ChatOptions options);

    /**
     * Sends the message and returns its events as a blocking iterator.
     *
     * @param sessionId the session
     * @param message   the user's message, not empty
     * @return the events; close it to stop early
     */
    default ChatStream stream(String sessionId, String message) {
        return stream(sessionId, message, ChatOptions.defaults());
    }

    /**
     * Sends the message and returns its events as a blocking iterator. Returns once the stream's
     * head arrived (waited for on the caller's thread, within the first-byte limit) or failed; a
     * failure is thrown by the iterator.
     *
     * @param sessionId the session
     * @param message   the user's message, not empty
     * @param options   streaming, watchdogs, limits and request options
     * @return the events; close it to stop early
     */
    ChatStream stream(String sessionId, String message, ChatOptions options);

    /**
     * Sends the message and waits for the whole answer. With the default options the session
     * state is read before the message and, after a stream without text, once more to report
     * what changed; after an interrupted stream it is re-read on the
     * {@link ChatOptions#recheckDelays()} schedule (up to about 5 minutes) until something changes.
     *
     * @param sessionId the session
     * @param message   the user's message, not empty
     * @return the result; {@link ChatResult#end()} says how the stream ended
     * @throws NemoException when the message was refused before the stream started (out of
     *                       credits, session not found, …)
     */
    default ChatResult send(String sessionId, String message) {
        return send(sessionId, message, ChatOptions.defaults(), ChatListener.none());
    }

    /**
     * {@return the result}
     *
     * @param sessionId the session
     * @param message   the user's message, not empty
     * @param options   streaming, watchdogs, limits, state checks, progress and request options
     * @throws NemoException when the message was refused before the stream started
     */
    default ChatResult send(String sessionId, String message, ChatOptions options) {
        return send(sessionId, message, options, ChatListener.none());
    }

    /**
     * {@return the result}
     *
     * @param sessionId the session
     * @param message   the user's message, not empty
     * @param listener  sees the events as they arrive
     * @throws NemoException when the message was refused before the stream started
     */
    default ChatResult send(String sessionId, String message, ChatListener listener) {
        return send(sessionId, message, ChatOptions.defaults(), listener);
    }

    /**
     * Sends the message, shows each event to {@code listener}, and waits for the whole answer.
     *
     * @param sessionId the session
     * @param message   the user's message, not empty
     * @param options   streaming, watchdogs, limits, state checks, progress and request options
     * @param listener  sees the events as they arrive
     * @return the result
     * @throws NemoException when the message was refused before the stream started
     */
    default ChatResult send(String sessionId, String message, ChatOptions options, ChatListener listener) {
        return Futures.await(sendAsync(sessionId, message, options, listener));
    }

    /**
     * {@return the result, asynchronously}
     *
     * @param sessionId the session
     * @param message   the user's message, not empty
     * @see #sendAsync(String, String, ChatOptions, ChatListener)
     */
    default CompletableFuture<ChatResult> sendAsync(String sessionId, String message) {
        return sendAsync(sessionId, message, ChatOptions.defaults(), ChatListener.none());
    }

    /**
     * {@return the result, asynchronously}
     *
     * @param sessionId the session
     * @param message   the user's message, not empty
     * @param options   streaming, watchdogs, limits, state checks, progress and request options
     * @see #sendAsync(String, String, ChatOptions, ChatListener)
     */
    default CompletableFuture<ChatResult> sendAsync(String sessionId, String message, ChatOptions options) {
        return sendAsync(sessionId, message, options, ChatListener.none());
    }

    /**
     * {@return the result, asynchronously}
     *
     * @param sessionId the session
     * @param message   the user's message, not empty
     * @param listener  sees the events as they arrive
     * @see #sendAsync(String, String, ChatOptions, ChatListener)
     */
    default CompletableFuture<ChatResult> sendAsync(String sessionId, String message, ChatListener listener) {
        return sendAsync(sessionId, message, ChatOptions.defaults(), listener);
    }

    /**
     * {@link #send(String, String, ChatOptions, ChatListener)} without blocking: the message is
     * sent when this method is called. Cancelling the future cancels the stream.
     *
     * @param sessionId the session
     * @param message   the user's message, not empty
     * @param options   streaming, watchdogs, limits, state checks, progress and request options
     * @param listener  sees the events as they arrive
     * @return the result, or the typed error when the message was refused before the stream started
     */
    CompletableFuture<ChatResult> sendAsync(
            String sessionId, String message, ChatOptions options, ChatListener listener);
}
