package dev.nemo.sdk.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.RetryPolicy;
import dev.nemo.sdk.auth.TokenProvider;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.internal.util.Futures;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The client's transport: a chain of {@link HttpStage}s in front of the JDK's HTTP client, in
 * this order (outermost first): the call's listener events, authentication (with the shared token
 * renewal), retry, the attempts' listener events, attribution, redirect, logging, deadline, then
 * the {@link JdkHttpSender}. Immutable; the chain
 * with authentication is derived from the one without, which the anonymous-token provider uses.
 */
public final class HttpPipeline {
    private static final int MAX_RESOLVED = 256;
    private static final String JSON = "application/json";
    /** The headers of most calls, one instance, so the stages' merges of them are remembered. */
    private static final Map<String, String> ACCEPT_JSON = Map.of("Accept", JSON);

    private final TransportSettings settings;
    private final AnonymousUser user;
    private final BodyDeadlines deadlines;
    private final HttpSender chain;
    private final Map<String, URI> resolved;
    /**
     * The headers of the last call with a body and no headers of its own: calls in a row (chat
     * messages, JSON posts) mostly share them, and one instance lets the stages' merges be remembered.
     */
    private volatile @Nullable BodyHeaders lastBodyHeaders;

    private HttpPipeline(
            TransportSettings settings,
            AnonymousUser user,
            BodyDeadlines deadlines,
            @Nullable TokenProvider tokens,
            Map<String, URI> resolved) {
        this.settings = settings;
        this.resolved = resolved;
        this.user = user;
        this.deadlines = deadlines;
        List<HttpStage> stages = new ArrayList<>();
        stages.add(new CallListenerStage(settings.listeners()));
        if (tokens != null) {
            stages.add(new AuthenticationStage(tokens));
        }
        stages.add(new RetryStage(settings.sleeper(), settings.listeners()));
        stages.add(new ListenerStage(settings.listeners()));
        stages.add(new AttributionStage(settings.attribution(), settings.userAgent()));
        stages.add(new RedirectStage());
        stages.add(new LoggingStage());
        stages.add(new DeadlineStage(settings.scheduler()));
        HttpSender next = new JdkHttpSender(settings.http(), deadlines, settings.clock(), user);
        for (int i = stages.size() - 1; i >= 0; i--) {
            next = new Link(stages.get(i), next);
        }
        this.chain = next;
    }

    /**
     * {@return a pipeline that sends no bearer token (for the anonymous-token call)}
     *
     * @param settings the resolved settings
     */
    public static HttpPipeline unauthenticated(TransportSettings settings) {
        return new HttpPipeline(
                settings,
                new AnonymousUser(),
                new BodyDeadlines(settings.scheduler()),
                null,
                new ConcurrentHashMap<>());
    }

    /**
     * {@return a pipeline with the same settings that authenticates calls with {@code tokens}}
     *
     * @param tokens the bearer token provider
     */
    public HttpPipeline withAuthentication(TokenProvider tokens) {
        return new HttpPipeline(settings, user, deadlines, tokens, resolved);
    }

    /** {@return the settings} */
    public TransportSettings settings() {
        return settings;
    }

    /** {@return the anonymous user id seen in answers (for the 2001 bind link)} */
    public AnonymousUser anonymousUser() {
        return user;
    }

    /**
     * {@return the absolute URI on the configured host}
     *
     * @param path API path
     */
    public URI resolve(String path) {
        // the same few paths come again and again: parse each once (bounded: paths with ids are many)
        URI uri = resolved.get(path);
        if (uri == null) {
            uri = Origins.resolve(settings.baseUri(), path);
            if (resolved.size() >= MAX_RESOLVED) {
                resolved.clear();
            }
            resolved.put(path, uri);
        }
        return uri;
    }

    /**
     * Sends a JSON call on the caller's thread and decodes its payload there.
     *
     * @param request the request
     * @param decode  maps the envelope's payload
     * @param <R>     the result type
     * @return the decoded result
     * @throws NemoException the typed error
     */
    public <R> R send(ApiRequest request, Function<JsonNode, R> decode) {
        HttpReply<Void> reply = awaitBlocking(start(request, resolve(request.path()), null, true, false, false));
        return decode.apply(reply.payload());
    }

    /**
     * Sends a JSON call asynchronously. Cancelling the result cancels the exchange.
     *
     * @param request the request
     * @param decode  maps the envelope's payload
     * @param <R>     the result type
     * @return the decoded result, or the typed error
     */
    public <R> CompletableFuture<R> sendAsync(ApiRequest request, Function<JsonNode, R> decode) {
        return Futures.map(
                start(request, resolve(request.path()), null, false, false, false),
                reply -> decode.apply(reply.payload()));
    }

    /**
     * {@return the envelope's payload, or the typed error}
     *
     * @param request the request
     */
    public CompletableFuture<JsonNode> json(ApiRequest request) {
        return sendAsync(request, Function.identity());
    }

    /**
     * Sends a JSON call in the blocking or the asynchronous form. In the blocking form the whole
     * exchange runs on the caller's thread ({@code HttpClient.send}) and the returned future is
     * already complete (unless a custom token provider or sleeper completes elsewhere), so steps
     * chained on it run on the caller's thread too.
     *
     * @param request  the request
     * @param blocking whether the caller waits for the answer on its own thread
     * @return the envelope's payload, or the typed error
     */
    public CompletableFuture<JsonNode> json(ApiRequest request, boolean blocking) {
        if (!blocking) {
            return json(request);
        }
        return Futures.map(start(request, resolve(request.path()), null, true, false, false), HttpReply::payload);
    }

    /**
     * Sends a call whose successful answer is streamed: responses {@code accepts} takes go to
     * {@code handler}; any other is read whole and mapped to its typed error, with the same
     * recovery rules as JSON calls. The deadline covers the wait for the head; the caller guards
     * the body.
     *
     * @param request the request
     * @param accepts which response heads are the stream
     * @param handler reader of the stream
     * @param <T>     the body type
     * @return the reply carrying the stream's body
     */
    public <T> CompletableFuture<HttpReply<T>> stream(
            ApiRequest request, Predicate<HttpResponse.ResponseInfo> accepts, HttpResponse.BodyHandler<T> handler) {
        return stream(request, accepts, handler, false);
    }

    /**
     * {@link #stream(ApiRequest, Predicate, HttpResponse.BodyHandler)} in the blocking or the
     * asynchronous form. The blocking form waits for the head on the caller's thread
     * ({@code HttpClient.send}: the JDK then hops to no pool) and answers with an already complete
     * future; the body still arrives on the HTTP client's own threads, as the handler's subscriber
     * asks for it. The head's wait is then bounded by the attempt's timeout alone: nothing else can
     * stop a {@code send} short of interrupting the caller.
     *
     * @param request  the request
     * @param accepts  which response heads are the stream
     * @param handler  reader of the stream
     * @param blocking whether the caller waits for the head on its own thread
     * @param <T>      the body type
     * @return the reply carrying the stream's body
     */
    public <T> CompletableFuture<HttpReply<T>> stream(
            ApiRequest request,
            Predicate<HttpResponse.ResponseInfo> accepts,
            HttpResponse.BodyHandler<T> handler,
            boolean blocking) {
        return start(request, resolve(request.path()), new ResponseReader<>(accepts, handler), blocking, false, false);
    }

    /**
     * Downloads from an absolute URL through the same chain: credentials (token, attribution) and
     * the caller's extra headers only while the URL and every redirect stay on the API's origin;
     * redirects to other hosts are followed without them, and a hop back never regains them.
     *
     * @param uri     the URL
     * @param options the attempt timeout (the deadline of each response head), the retry policy and
     *                the extra headers; no whole-call timeout (the caller guards the body)
     * @param handler reader of a 2xx body
     * @param <T>     the body type
     * @return the reply carrying the body, from the last hop
     */
    public <T> CompletableFuture<HttpReply<T>> fetch(
            URI uri, RequestOptions options, HttpResponse.BodyHandler<T> handler) {
        return fetch(uri, options, handler, false);
    }

    /**
     * {@link #fetch(URI, RequestOptions, HttpResponse.BodyHandler)} in the blocking or the
     * asynchronous form; the blocking form reads the whole body on the caller's thread and answers
     * with an already complete future.
     *
     * @param uri      the URL
     * @param options  the attempt timeout, the retry policy and the extra headers
     * @param handler  reader of a 2xx body
     * @param blocking whether the caller waits on its own thread
     * @param <T>      the body type
     * @return the reply carrying the body, from the last hop
     */
    public <T> CompletableFuture<HttpReply<T>> fetch(
            URI uri, RequestOptions options, HttpResponse.BodyHandler<T> handler, boolean blocking) {
        String apiPath = apiPath(uri, settings.baseUri());
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        ApiRequest request = ApiRequest.get(apiPath != null ? apiPath : path)
                .withAccept("*/*")
                .withAuthenticated(apiPath != null)
                .withOptions(options);
        boolean fromApi = apiPath != null;
        // the API answers a refused download with its JSON envelope, even under 200 (an expired token is code
        // 1001): such an answer is mapped like any other call's (and renewed and replayed), never saved as the file
        return start(
                request,
                uri,
                new ResponseReader<>(info -> info.statusCode() / 100 == 2 && !(fromApi && isJson(info)), handler),
                blocking,
                true,
                !fromApi);
    }

    private static boolean isJson(HttpResponse.ResponseInfo info) {
        return info.headers()
                .firstValue("content-type")
                .map(type -> type.toLowerCase(Locale.ROOT).startsWith("application/json"))
                .orElse(false);
    }

    /**
     * The path (and query) of {@code uri} relative to the API base when it is on the API's origin
     * and under the base's path, else {@code null}.
     *
     * @param uri  a URL
     * @param base the API base
     * @return the API path, or {@code null}
     */
    public static @Nullable String apiPath(URI uri, URI base) {
        if (!Origins.same(uri, base)) {
            return null;
        }
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (!basePath.isEmpty()) {
            if (!path.startsWith(basePath + "/")) {
                return null;
            }
            path = path.substring(basePath.length());
        }
        return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private <T> CompletableFuture<HttpReply<T>> start(
            ApiRequest request,
            URI uri,
            @Nullable ResponseReader<T> reader,
            boolean blocking,
            boolean followsCrossOrigin,
            boolean noCredentials) {
        RetryPolicy policy = request.options().retryPolicy().orElse(settings.retryPolicy());
        Duration timeout = request.attemptTimeout(settings.requestTimeout());
        @Nullable Operation op = noCredentials ? Operation.DOWNLOAD_OUTPUT_URL : null;
        CallContext<T> ctx = new CallContext<>(
                request,
                op,
                reader,
                blocking,
                followsCrossOrigin,
                policy,
                timeout,
                request.options().timeout().orElse(null));
        Map<String, String> headers = headers(request, noCredentials);
        HttpCall<T> call = new HttpCall<>(ctx, request.method(), uri, request.body(), headers, noCredentials, 0);
        CompletableFuture<HttpReply<T>> sent;
        try {
            sent = chain.send(call);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        if (blocking && sent.isDone()) {
            // the caller's thread ran the call to its end: nothing left to wait for or to cancel
            ctx.disarmCallTimer();
            return settled(sent, ctx);
        }
        CompletableFuture<HttpReply<T>> result = new CompletableFuture<>();
        Futures.onCompletion(sent, (reply, error) -> {
            if (error == null) {
                result.complete(reply);
            } else {
                result.completeExceptionally(ctx.typedError(error));
            }
        });
        Futures.onCompletion(result, (reply, error) -> {
            ctx.disarmCallTimer();
            if (result.isCancelled()) {
                ctx.cancel();
            }
        });
        return result;
    }

    private Map<String, String> headers(ApiRequest request, boolean offOrigin) {
        @Nullable String contentType = request.body() == null ? null : request.contentType();
        // a call that starts off the API's origin carries none of the caller's extra headers, as a redirect there
        Map<String, String> own = offOrigin ? request.headers() : request.headersToSend();
        if (own.isEmpty()) {
            if (contentType == null) {
                return JSON.equals(request.accept()) ? ACCEPT_JSON : Map.of("Accept", request.accept());
            }
            BodyHeaders last = lastBodyHeaders;
            if (last != null && last.accept.equals(request.accept()) && last.contentType.equals(contentType)) {
                return last.headers;
            }
            Map<String, String> headers = Map.of("Accept", request.accept(), "Content-Type", contentType);
            lastBodyHeaders = new BodyHeaders(request.accept(), contentType, headers);
            return headers;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", request.accept());
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        headers.putAll(own);
        return headers;
    }

    private static <T> CompletableFuture<HttpReply<T>> settled(
            CompletableFuture<HttpReply<T>> done, CallContext<T> ctx) {
        try {
            done.join();
            return done;
        } catch (CompletionException | CancellationException e) {
            return CompletableFuture.failedFuture(ctx.typedError(e));
        }
    }

    private static <T> T awaitBlocking(CompletableFuture<T> done) {
        if (!done.isDone()) {
            // a custom TokenProvider or Sleeper may still complete elsewhere: wait for it here
            return Futures.await(done);
        }
        try {
            return done.join();
        } catch (CompletionException e) {
            Throwable cause = Futures.unwrap(e);
            throw cause instanceof RuntimeException r ? r : new CompletionException(cause);
        }
    }

    /** One stage bound to the rest of the chain. */
    private record Link(HttpStage stage, HttpSender next) implements HttpSender {
        @Override
        public <T> CompletableFuture<HttpReply<T>> send(HttpCall<T> call) {
            return stage.process(call, next);
        }
    }

    /** {@code Accept} and {@code Content-Type} values, and the header map made of them. */
    private record BodyHeaders(String accept, String contentType, Map<String, String> headers) {}
}
