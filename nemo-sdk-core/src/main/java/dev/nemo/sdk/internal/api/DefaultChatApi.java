package dev.nemo.sdk.internal.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.chat.ChatApi;
import dev.nemo.sdk.chat.ChatEvent;
import dev.nemo.sdk.chat.ChatListener;
import dev.nemo.sdk.chat.ChatOptions;
import dev.nemo.sdk.chat.ChatResult;
import dev.nemo.sdk.chat.ChatStream;
import dev.nemo.sdk.error.ErrorDetails;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.error.ServerException;
import dev.nemo.sdk.internal.chat.BlockingChatStream;
import dev.nemo.sdk.internal.chat.ChatEventPublisher;
import dev.nemo.sdk.internal.chat.ListeningSubscriber;
import dev.nemo.sdk.internal.chat.StateCheck;
import dev.nemo.sdk.internal.chat.Ticker;
import dev.nemo.sdk.internal.chat.TimedPublisher;
import dev.nemo.sdk.internal.http.ApiRequest;
import dev.nemo.sdk.internal.http.HttpPipeline;
import dev.nemo.sdk.internal.http.IoFailures;
import dev.nemo.sdk.internal.http.Listeners;
import dev.nemo.sdk.internal.json.Json;
import dev.nemo.sdk.internal.util.Futures;
import dev.nemo.sdk.state.SessionState;
import dev.nemo.sdk.state.StateApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.ForkJoinPool;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /run_sse}: the chat, over {@link ChatEventPublisher}. */
public final class DefaultChatApi implements ChatApi {
    private static final Logger LOG = LoggerFactory.getLogger("dev.nemo.sdk.chat");

    /** The endpoint. */
    public static final String PATH = "/run_sse";
    /** The ADK app name of the NemoVideo agent. */
    public static final String APP_NAME = "nemo_agent";

    private static final byte[] BODY_START = ("{\"app_name\":\"" + APP_NAME + "\",\"user_id\":\"me\",\"session_id\":\"")
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BODY_MESSAGE =
            "\",\"new_message\":{\"parts\":[{\"text\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BODY_END = "\"}]}}".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BODY_END_STREAMING = "\"}]},\"streaming\":true}".getBytes(StandardCharsets.US_ASCII);

    private final HttpPipeline transport;
    private final StateApi state;
    private final StateCheck stateCheck;
    private final StateCheck blockingStateCheck;
    private final Ticker ticker;
    private final Executor executor;
    private volatile @Nullable StreamOptions lastStreamOptions;

    /**
     * Creates it from its parts.
     *
     * @param transport the transport
     * @param state     reads session state for the checks after a silent or interrupted stream
     */
    public DefaultChatApi(HttpPipeline transport, StateApi state) {
        this.transport = transport;
        this.state = state;
        this.stateCheck = new StateCheck(state, transport.settings().sleeper());
        this.blockingStateCheck = stateCheck.blocking();
        this.ticker = Ticker.of(transport.settings().scheduler());
        Executor e = transport.settings().executor();
        this.executor = e != null ? e : ForkJoinPool.commonPool();
    }

    @Override
    public Flow.Publisher<ChatEvent> publisher(String sessionId, String message, ChatOptions options) {
        return newPublisher(sessionId, message, options, false);
    }

    @Override
    public ChatStream stream(String sessionId, String message, ChatOptions options) {
        return BlockingChatStream.open(newPublisher(sessionId, message, options, true));
    }

    /**
     * The blocking form runs the state reads on the caller's thread (blocking calls, as every other
     * blocking call of the SDK) and only waits for the stream: on JDK 17 with two CPUs or fewer each
     * asynchronous read would start a thread.
     */
    @Override
    public ChatResult send(String sessionId, String message, ChatOptions options, ChatListener listener) {
        Objects.requireNonNull(listener, "listener");
        Flow.Publisher<ChatEvent> publisher = newPublisher(sessionId, message, options, true);
        ListeningSubscriber subscriber = new ListeningSubscriber(listener, options, ticker);
        SessionState before = null;
        NemoException beforeFailure = null;
        if (options.stateCheck()) {
            try {
                before = state.get(sessionId);
            } catch (RuntimeException e) {
                beforeFailure = StateCheck.nemo(e);
            }
        }
        CompletableFuture<ChatResult> streamed = subscriber.result();
        Futures.onCompletion(streamed, (r, e) -> {
            if (streamed.isCancelled()) {
                subscriber.cancel(); // the caller was interrupted
            }
        });
        publisher.subscribe(subscriber);
        ChatResult result = streamEnded(listener, Futures.await(streamed));
        Thread caller = Thread.currentThread();
        return Futures.await(blockingStateCheck.after(
                result, sessionId, before, beforeFailure, options, caller::isInterrupted, listener));
    }

    @Override
    public CompletableFuture<ChatResult> sendAsync(
            String sessionId, String message, ChatOptions options, ChatListener listener) {
        Objects.requireNonNull(listener, "listener");
        Flow.Publisher<ChatEvent> publisher = newPublisher(sessionId, message, options, false);
        ListeningSubscriber subscriber = new ListeningSubscriber(listener, options, ticker);
        CompletableFuture<ChatResult> out = new CompletableFuture<>();
        Futures.onCompletion(out, (r, e) -> {
            if (out.isCancelled()) {
                subscriber.cancel();
            }
        });
        CompletableFuture<SessionState> before =
                options.stateCheck() ? stateCheck.before(sessionId) : CompletableFuture.completedFuture(null);
        Futures.onCompletion(before, (state, error) -> {
            if (out.isDone()) {
                return;
            }
            NemoException beforeFailure = error == null ? null : StateCheck.nemo(Futures.unwrap(error));
            try {
                publisher.subscribe(subscriber);
                CompletableFuture<ChatResult> checked = subscriber
                        .result()
                        .thenApply(r -> streamEnded(listener, r))
                        .thenCompose(r ->
                                stateCheck.after(r, sessionId, state, beforeFailure, options, out::isDone, listener));
                Futures.onCompletion(checked, (r, e) -> {
                    if (e != null) {
                        out.completeExceptionally(Futures.unwrap(e));
                    } else {
                        out.complete(r);
                    }
                });
            } catch (RuntimeException e) {
                out.completeExceptionally(e);
            }
        });
        return out;
    }

    private static ChatResult streamEnded(ChatListener listener, ChatResult soFar) {
        try {
            listener.onStreamEnded(soFar);
        } catch (RuntimeException e) {
            LOG.warn("The chat listener failed in onStreamEnded; the result is kept", e);
        }
        return soFar;
    }

    /**
     * The blocking forms wait for the stream's head on the caller's thread ({@code HttpClient.send}):
     * with {@code sendAsync} the JDK completes on a new thread per message on two CPUs or fewer. No
     * watchdog can stop that wait, so its attempt timeout is cut to the first-byte limit, and the
     * publisher reports it as that watchdog.
     */
    private Flow.Publisher<ChatEvent> newPublisher(
            String sessionId, String message, ChatOptions options, boolean blocking) {
        Objects.requireNonNull(options, "options");
        ApiRequest request = blocking
                ? request(sessionId, message, options).withOptions(headBoundedOptions(options))
                : request(sessionId, message, options);
        ErrorDetails details = ErrorDetails.request(request.method(), request.path());
        Listeners listeners = transport.settings().listeners();
        ChatEventPublisher publisher = new ChatEventPublisher(
                blocking
                        ? ChatEventPublisher.Exchange.waitingForHead(
                                handler -> transport.stream(request, ChatEventPublisher::isEventStream, handler, true))
                        : handler -> transport.stream(request, ChatEventPublisher::isEventStream, handler),
                ChatEventPublisher.Limits.of(options),
                details,
                e -> mapError(e, request),
                ticker,
                executor);
        return listeners.isEmpty() ? publisher : new TimedPublisher(publisher, listeners);
    }

    /**
     * The request exactly as documented: {@code {"app_name":"nemo_agent","user_id":"me",
     * "session_id":…,"new_message":{"parts":[{"text":…}]}}}, plus {@code "streaming":true} only
     * when asked for. Never replayed after it may have run: the retry policy (the options', else
     * the client's) replays it only when nothing ran (a connect failure, a 1001 renewal, a 429
     * answered instead of the stream, which waits {@code Retry-After} first); nothing after the
     * stream's first byte. The options' extra headers go with it; their timeout is the stream's.
     */
    ApiRequest request(String sessionId, String message, ChatOptions options) {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(message, "message");
        if (sessionId.isBlank()) {
            throw new IllegalArgumentException("sessionId must not be blank");
        }
        if (message.isEmpty()) {
            throw new IllegalArgumentException("message must not be empty");
        }
        return ApiRequest.postJson(PATH, body(sessionId, message, options.streaming()))
                .withAccept("text/event-stream")
                .withOptions(streamOptions(options));
    }

    /**
     * The request body: the fixed parts are constants, the two strings quoted by Jackson's encoder
     * (the JSON a generator writes, with characters outside the BMP as UTF-8 where Jackson 2's
     * generator escapes them). A string the encoder refuses (a lone surrogate) goes through a
     * generator, which writes it as an escape.
     */
    static byte[] body(String sessionId, String message, boolean streaming) {
        byte[] id;
        byte[] text;
        try {
            id = JsonStringEncoder.getInstance().quoteAsUTF8(sessionId);
            text = JsonStringEncoder.getInstance().quoteAsUTF8(message);
        } catch (IllegalArgumentException e) {
            return generatedBody(sessionId, message, streaming);
        }
        byte[] end = streaming ? BODY_END_STREAMING : BODY_END;
        byte[] body = new byte[BODY_START.length + id.length + BODY_MESSAGE.length + text.length + end.length];
        int at = put(body, 0, BODY_START);
        at = put(body, at, id);
        at = put(body, at, BODY_MESSAGE);
        at = put(body, at, text);
        put(body, at, end);
        return body;
    }

    private static int put(byte[] into, int at, byte[] part) {
        System.arraycopy(part, 0, into, at, part.length);
        return at + part.length;
    }

    /** {@return the body written by a generator} the general way, and the oracle of {@link #body}'s tests */
    static byte[] generatedBody(String sessionId, String message, boolean streaming) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 + sessionId.length() + message.length());
        try (JsonGenerator g = Json.factory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("app_name", APP_NAME);
            g.writeStringField("user_id", "me");
            g.writeStringField("session_id", sessionId);
            g.writeObjectFieldStart("new_message");
            g.writeArrayFieldStart("parts");
            g.writeStartObject();
            g.writeStringField("text", message);
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            if (streaming) {
                g.writeBooleanField("streaming", true);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The options' request options with the stream's timeout: made once for the same options, not per message. */
    @SuppressWarnings(
            "ReferenceEquality") // the same options object, usually ChatOptions.defaults(): no field comparison needed
    private RequestOptions streamOptions(ChatOptions options) {
        StreamOptions last = lastStreamOptions;
        if (last != null && last.chat == options) {
            return last.request;
        }
        RequestOptions request =
                options.request().toBuilder().timeout(options.timeout()).build();
        lastStreamOptions = new StreamOptions(options, request);
        return request;
    }

    /** Chat options and the request options made of them. */
    private static final class StreamOptions {
        final ChatOptions chat;
        final RequestOptions request;

        StreamOptions(ChatOptions chat, RequestOptions request) {
            this.chat = chat;
            this.request = request;
        }
    }

    private static RequestOptions headBoundedOptions(ChatOptions options) {
        Duration attempt = options.request().attemptTimeout().orElse(options.timeout());
        Duration head = attempt.compareTo(options.firstByteTimeout()) <= 0 ? attempt : options.firstByteTimeout();
        return options.request().toBuilder()
                .timeout(options.timeout())
                .attemptTimeout(head)
                .build();
    }

    private static NemoException mapError(Throwable error, ApiRequest request) {
        NemoException e = IoFailures.classify(error, request);
        if (e instanceof ServerException
                && e.httpStatus() == 500
                && e.bodyExcerpt().isEmpty()) {
            return new ServerException(
                    "The agent answered HTTP 500 with an empty body before streaming: ADK does this "
                            + "for an unknown session and for a crash before any output; check the session id, and do not "
                            + "assume the message ran",
                    e.details(),
                    e);
        }
        return e;
    }
}
