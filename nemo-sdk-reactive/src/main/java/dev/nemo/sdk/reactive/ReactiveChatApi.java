package dev.nemo.sdk.reactive;

import dev.nemo.sdk.chat.ChatApi;
import dev.nemo.sdk.chat.ChatEvent;
import dev.nemo.sdk.chat.ChatListener;
import dev.nemo.sdk.chat.ChatOptions;
import dev.nemo.sdk.chat.ChatResult;
import dev.nemo.sdk.reactive.internal.Calls;
import dev.nemo.sdk.reactive.internal.SingleUse;
import java.util.Objects;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Chat with the session's agent, over the core's one SSE implementation
 * ({@link ChatApi#publisher}).
 *
 * <p>A chat message costs credits, so each {@code Flux}/{@code Mono} returned here sends its
 * message <b>at most once</b>: the first subscription sends it, and any later subscription (a
 * second subscriber, {@code retry()}, {@code repeat()}) fails with {@link IllegalStateException}
 * without sending anything. To send the message again, call the method again.
 *
 * <pre>{@code
 * reactive.chat().stream(sessionId, "compress it to under 2 MB")
 *         .ofType(ChatEvent.AgentText.class)
 *         .map(ChatEvent.AgentText::text)
 *         .subscribe(System.out::println);
 * }</pre>
 */
public final class ReactiveChatApi {
    private static final String REFUSAL = "This chat was already subscribed: it sends its message once (a chat "
            + "message costs credits). Call stream()/send() again to send another message.";
    private final ChatApi chat;

    ReactiveChatApi(ChatApi chat) {
        this.chat = chat;
    }

    /**
     * {@return the events of the answer, with {@link ChatOptions#defaults()} and the request options of the subscriber's context}
     *
     * @param sessionId the session
     * @param message   the user's message, not empty
     * @see #stream(String, String, ChatOptions)
     */
    public Flux<ChatEvent> stream(String sessionId, String message) {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(message, "message");
        SingleUse once = new SingleUse(REFUSAL);
        return Flux.deferContextual(context -> once.flux(
                () -> JdkFlowAdapter.flowPublisherToFlux(chat.publisher(sessionId, message, fromContext(context)))));
    }

    /**
     * The events of the answer as they arrive. Demand flows down to reading the HTTP body: a slow
     * subscriber (or {@code limitRate}) holds the stream back instead of buffering it.
     * Cancelling closes the HTTP exchange. The end of the stream is {@code onComplete}; a refusal
     * before the stream ({@link dev.nemo.sdk.error.InsufficientCreditsException}, …) or an
     * interruption ({@link dev.nemo.sdk.error.TransportException},
     * {@link dev.nemo.sdk.error.StreamTimeoutException}) is {@code onError}, after the events
     * decoded before it. The watchdogs of {@code options} apply as in the core.
     *
     * @param sessionId the session
     * @param message   the user's message, not empty
     * @param options   streaming, watchdogs, limits and request options (the context's are ignored)
     * @return a single-use flux: sends the message on the first subscription only
     */
    public Flux<ChatEvent> stream(String sessionId, String message, ChatOptions options) {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(options, "options");
        return new SingleUse(REFUSAL)
                .flux(() -> JdkFlowAdapter.flowPublisherToFlux(chat.publisher(sessionId, message, options)));
    }

    /**
     * {@return the whole answer, with {@link ChatOptions#defaults()} and the request options of the subscriber's context}
     *
     * @param sessionId the session
     * @param message   the user's message, not empty
     * @see #send(String, String, ChatOptions)
     */
    public Mono<ChatResult> send(String sessionId, String message) {
        return send(sessionId, message, ChatListener.none());
    }

    /**
     * Like {@link #send(String, String)}, and shows each event to {@code listener} as it arrives,
     * on the thread that reads the response: the listener must not block.
     *
     * @param sessionId the session
     * @param message   the user's message, not empty
     * @param listener  sees every event
     * @return a single-use mono, with {@link ChatOptions#defaults()} and the request options of the
     *         subscriber's context
     */
    public Mono<ChatResult> send(String sessionId, String message, ChatListener listener) {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(listener, "listener");
        SingleUse once = new SingleUse(REFUSAL);
        return Mono.deferContextual(context -> once.mono(
                () -> Calls.future(() -> chat.sendAsync(sessionId, message, fromContext(context), listener))));
    }

    /**
     * The whole answer, as {@link ChatApi#send} returns it: text, tool activity, and how the
     * stream ended ({@link ChatResult#end()}). Cancelling cancels the stream.
     *
     * @param sessionId the session
     * @param message   the user's message, not empty
     * @param options   streaming, watchdogs, limits, state checks, progress and request options
     *                  (the context's are ignored)
     * @return a single-use mono: sends the message on the first subscription only; fails with the
     *         typed error when the message was refused before the stream started
     */
    public Mono<ChatResult> send(String sessionId, String message, ChatOptions options) {
        return send(sessionId, message, options, ChatListener.none());
    }

    /**
     * Like {@link #send(String, String, ChatOptions)}, and shows each event to {@code listener} as it
     * arrives (for example to print the agent's text while it streams), on the thread that reads
     * the response: the listener must not block.
     *
     * @param sessionId the session
     * @param message   the user's message, not empty
     * @param options   streaming, watchdogs, limits, state checks, progress and request options
     *                  (the context's are ignored)
     * @param listener  sees every event
     * @return a single-use mono: sends the message on the first subscription only
     */
    public Mono<ChatResult> send(String sessionId, String message, ChatOptions options, ChatListener listener) {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(listener, "listener");
        return new SingleUse(REFUSAL)
                .mono(() -> Calls.future(() -> chat.sendAsync(sessionId, message, options, listener)));
    }

    private static ChatOptions fromContext(ContextView context) {
        return ChatOptions.builder().request(NemoContext.options(context)).build();
    }
}
