package dev.nemo.sdk.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nemo.sdk.RetryPolicy;
import dev.nemo.sdk.auth.AccessToken;
import dev.nemo.sdk.auth.TokenProvider;
import dev.nemo.sdk.error.ErrorDetails;
import dev.nemo.sdk.error.NemoClientException;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.error.NemoServiceException;
import dev.nemo.sdk.error.RateLimitedException;
import dev.nemo.sdk.error.ServerException;
import dev.nemo.sdk.error.TokenExpiredException;
import dev.nemo.sdk.error.TransportException;
import dev.nemo.sdk.internal.util.Futures;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link ApiRequest}s: adds host, bearer token, attribution and User-Agent; enforces a
 * deadline on the whole exchange (the JDK's request timeout stops at the headers); follows
 * same-origin redirects only; maps responses to payloads or typed errors; and applies the
 * recovery rules:
 * <ul>
 *   <li>1001/401 with renewable credentials: renew once (same client id) and replay once;</li>
 *   <li>429: wait {@code Retry-After} (default 30 s) and retry once;</li>
 *   <li>5xx and network errors: retry idempotent requests with jittered exponential backoff;</li>
 *   <li>connect failures (nothing sent): retry any request;</li>
 *   <li>a non-idempotent request whose outcome is unknown is never replayed.</li>
 * </ul>
 */
public final class Transport {
    private static final Logger LOG = LoggerFactory.getLogger("dev.nemo.sdk.http");
    private static final int MAX_REDIRECTS = 5;
    /** Cap on the size of a non-stream body (JSON responses and error bodies). */
    static final int MAX_JSON_BODY = 32 * 1024 * 1024;

    private final TransportSettings settings;
    private volatile TokenProvider tokens;

    /** @param settings resolved settings */
    public Transport(TransportSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Sets the provider of bearer tokens, once, right after construction.
     *
     * @param tokens the provider
     */
    public void tokenProvider(TokenProvider tokens) {
        this.tokens = tokens;
    }

    /** {@return the provider of bearer tokens} */
    public TokenProvider tokenProvider() {
        return tokens;
    }

    /** {@return the settings} */
    public TransportSettings settings() {
        return settings;
    }

    /**
     * Sends a request whose response is a JSON envelope.
     *
     * @param request the request
     * @return the envelope's payload, or the typed error
     */
    public CompletableFuture<JsonNode> json(ApiRequest request) {
        return Futures.map(execute(request, info -> false, null), r -> r.payload);
    }

    /**
     * Sends a request whose successful response is read by {@code streamHandler} (an SSE stream,
     * a download). Responses the predicate does not accept are read whole and mapped to the typed
     * error they carry, with the same recovery rules as {@link #json}; redirects it does not
     * accept are followed within the API's origin. A response it accepts, a redirect included, is
     * handed over as it is. The deadline covers only the wait for the response head; the caller
     * guards the body.
     *
     * @param request       the request
     * @param isStream      which responses to hand to {@code streamHandler}
     * @param streamHandler reader of accepted responses
     * @param <T>           the body type
     * @return the accepted response
     */
    public <T> CompletableFuture<HttpResponse<T>> stream(ApiRequest request,
                                                         Predicate<HttpResponse.ResponseInfo> isStream,
                                                         HttpResponse.BodyHandler<T> streamHandler) {
        Objects.requireNonNull(streamHandler, "streamHandler");
        return Futures.map(execute(request, isStream, streamHandler), r -> {
            @SuppressWarnings("unchecked")
            HttpResponse<T> response = (HttpResponse<T>) r.streamResponse;
            return response;
        });
    }

    /** Result of one successful exchange: a JSON payload or a stream response. */
    private static final class Outcome {
        final JsonNode payload;
        final HttpResponse<?> streamResponse;

        Outcome(JsonNode payload, HttpResponse<?> streamResponse) {
            this.payload = payload;
            this.streamResponse = streamResponse;
        }
    }

    /** Body of a response the stream predicate did not accept. */
    private static final class Bytes {
        final byte[] bytes;

        Bytes(byte[] bytes) {
            this.bytes = bytes;
        }
    }

    private CompletableFuture<Outcome> execute(ApiRequest request, Predicate<HttpResponse.ResponseInfo> isStream,
                                               HttpResponse.BodyHandler<?> streamHandler) {
        RetryPolicy policy = request.options().retryPolicy().orElse(settings.retryPolicy());
        CompletableFuture<Outcome> result = new CompletableFuture<>();
        new Attempts(request, policy, isStream, streamHandler, result).next();
        return result;
    }

    /** The recovery state machine of one logical call. */
    private final class Attempts {
        private final ApiRequest request;
        private final RetryPolicy policy;
        private final Predicate<HttpResponse.ResponseInfo> isStream;
        private final HttpResponse.BodyHandler<?> streamHandler;
        private final CompletableFuture<Outcome> result;
        private int attempt;
        private boolean renewed;
        private boolean rateLimitRetried;
        private volatile CompletableFuture<?> inFlight;

        Attempts(ApiRequest request, RetryPolicy policy, Predicate<HttpResponse.ResponseInfo> isStream,
                 HttpResponse.BodyHandler<?> streamHandler, CompletableFuture<Outcome> result) {
            this.request = request;
            this.policy = policy;
            this.isStream = isStream;
            this.streamHandler = streamHandler;
            this.result = result;
            Futures.onCompletion(result, (r, e) -> {
                CompletableFuture<?> f = inFlight;
                if (result.isCancelled() && f != null) {
                    f.cancel(true);
                }
            });
        }

        void next() {
            if (result.isDone()) {
                return;
            }
            attempt++;
            CompletableFuture<AccessToken> token = request.authenticated()
                    ? Objects.requireNonNull(tokens, "token provider").token().toCompletableFuture()
                    : CompletableFuture.completedFuture(null);
            Futures.onCompletion(token.thenCompose(t -> sendFollowingRedirects(t, request.method(),
                            resolve(request.path()), request.body(), 0)
                            .exceptionallyCompose(e -> onFailure(Futures.unwrap(e), t))), (outcome, error) -> {
                        if (error != null) {
                            Throwable cause = Futures.unwrap(error);
                            if (cause instanceof RetryScheduled) {
                                return;
                            }
                            result.completeExceptionally(toNemo(cause));
                        } else {
                            result.complete(outcome);
                        }
                    });
        }

        private CompletableFuture<Outcome> onFailure(Throwable error, AccessToken token) {
            if (result.isDone()) {
                return CompletableFuture.failedFuture(error);
            }
            NemoException e = toNemo(error);
            if (e instanceof TokenExpiredException && request.authenticated() && !renewed && tokens.canRenew()) {
                renewed = true;
                LOG.debug("{} {} was refused with an invalid token; renewing it once and replaying", request.method(),
                        request.path());
                return retryAfter(tokens.renew(token).toCompletableFuture().thenApply(t -> null));
            }
            if (e instanceof RateLimitedException rateLimitedException && policy.retryOnRateLimit() && !rateLimitRetried) {
                Duration wait = rateLimitedException.retryAfter().orElse(policy.defaultRateLimitWait());
                if (wait.compareTo(policy.maxRateLimitWait()) <= 0) {
                    rateLimitRetried = true;
                    LOG.debug("{} {} was rate limited; retrying once in {} ms", request.method(), request.path(),
                            wait.toMillis());
                    return retryAfter(settings.sleeper().sleep(wait).toCompletableFuture());
                }
            }
            if (attempt < policy.maxAttempts() && retryable(e)) {
                Duration cap = policy.backoffCap(attempt);
                Duration wait = Duration.ofMillis(cap.toMillis() <= 0 ? 0
                        : ThreadLocalRandom.current().nextLong(cap.toMillis() + 1));
                LOG.debug("{} {} failed ({}); retry {} of {} in {} ms", request.method(), request.path(),
                        e.getClass().getSimpleName(), attempt, policy.maxAttempts() - 1, wait.toMillis());
                return retryAfter(settings.sleeper().sleep(wait).toCompletableFuture());
            }
            return CompletableFuture.failedFuture(e);
        }

        private boolean retryable(NemoException e) {
            if (e instanceof TransportException t) {
                if (t.kind() == TransportException.Kind.INTERRUPTED) {
                    return false;
                }
                return !t.outcomeUnknown() || request.idempotent();
            }
            return e instanceof ServerException && request.idempotent();
        }

        private CompletableFuture<Outcome> retryAfter(CompletableFuture<?> wait) {
            inFlight = wait;
            Futures.onCompletion(wait, (v, e) -> {
                if (e != null) {
                    result.completeExceptionally(toNemo(Futures.unwrap(e)));
                } else {
                    next();
                }
            });
            return CompletableFuture.failedFuture(RetryScheduled.INSTANCE);
        }

        private CompletableFuture<Outcome> sendFollowingRedirects(AccessToken token, String method, URI uri,
                                                                  java.util.function.Supplier<HttpRequest.BodyPublisher> body,
                                                                  int redirects) {
            if (result.isDone()) {
                // cancelled while the token or a redirect was on its way: send nothing more
                return CompletableFuture.failedFuture(new CancellationException("the call was cancelled"));
            }
            Duration timeout = request.options().timeout().orElse(settings.requestTimeout());
            HttpRequest httpRequest = buildRequest(request, token, method, uri, body, timeout);
            long started = System.nanoTime();
            AtomicBoolean timedOut = new AtomicBoolean();
            HttpResponse.BodyHandler<Object> handler = info -> {
                if (isStream.test(info)) {
                    @SuppressWarnings("unchecked")
                    HttpResponse.BodySubscriber<Object> s = (HttpResponse.BodySubscriber<Object>) streamHandler.apply(info);
                    return s;
                }
                return HttpResponse.BodySubscribers.mapping(new LimitedBytesSubscriber(MAX_JSON_BODY), Bytes::new);
            };
            LOG.debug("--> {} {}", method, uri.getRawPath());
            CompletableFuture<HttpResponse<Object>> sent = settings.http().sendAsync(httpRequest, handler);
            inFlight = sent;
            if (result.isCancelled()) {
                sent.cancel(true);
            }
            ScheduledFuture<?> deadline = settings.scheduler().schedule(() -> {
                if (!sent.isDone()) {
                    timedOut.set(true);
                    sent.cancel(true);
                }
            }, timeout.toNanos(), TimeUnit.NANOSECONDS);
            return sent.handle((response, error) -> {
                deadline.cancel(false);
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                if (error != null) {
                    Throwable cause = Futures.unwrap(error);
                    if (timedOut.get() || cause instanceof CancellationException) {
                        cause = new HttpTimeoutException("no complete response within " + timeout.toMillis() + " ms");
                    }
                    LOG.debug("<-- {} {} failed after {} ms: {}", method, uri.getRawPath(), ms, cause.toString());
                    throw new AttemptFailure(cause);
                }
                LOG.debug("<-- {} {} {} ({} ms)", response.statusCode(), method, uri.getRawPath(), ms);
                return response;
            }).thenCompose(response -> {
                int status = response.statusCode();
                // a redirect the stream predicate accepted is the caller's to follow (downloads drop credentials)
                if (response.body() instanceof Bytes && status >= 300 && status <= 399
                        && response.headers().firstValue("location").isPresent()) {
                    return redirect(token, method, uri, body, redirects, response);
                }
                if (!(response.body() instanceof Bytes)) {
                    return CompletableFuture.completedFuture(new Outcome(null, response));
                }
                byte[] bytes = ((Bytes) response.body()).bytes;
                HttpHeaders h = response.headers();
                ResponseMapper.Context ctx = context(token);
                if (streamHandler != null) {
                    if (status >= 200 && status <= 299) {
                        // a 2xx that is not the expected stream: an envelope with an error code, or a wrong type
                        ResponseMapper.payload(status, h.firstValue("content-type").orElse(null),
                                h.firstValue("retry-after").orElse(null), bytes, ctx);
                        throw new dev.nemo.sdk.error.DecodeException("Expected a streamed response from "
                                + request.method() + " " + request.path() + " but got "
                                + h.firstValue("content-type").orElse("no content type"),
                                ctx.details(status, null, bytes), null);
                    }
                    throw ResponseMapper.error(status, h.firstValue("retry-after").orElse(null), bytes, ctx);
                }
                return CompletableFuture.completedFuture(new Outcome(ResponseMapper.payload(status,
                        h.firstValue("content-type").orElse(null), h.firstValue("retry-after").orElse(null), bytes, ctx),
                        null));
            });
        }

        private CompletableFuture<Outcome> redirect(AccessToken token, String method, URI from,
                                                    java.util.function.Supplier<HttpRequest.BodyPublisher> body,
                                                    int redirects, HttpResponse<Object> response) {
            int status = response.statusCode();
            URI target = from.resolve(response.headers().firstValue("location").orElseThrow());
            ErrorDetails details = new ErrorDetails(status, null, request.method(), request.path(), null);
            if (!sameOrigin(from, target)) {
                throw new NemoServiceException("The API redirected " + request.method() + " " + request.path()
                        + " to another origin (" + target.getScheme() + "://" + target.getAuthority()
                        + "); the SDK does not send credentials there", details, null);
            }
            if (redirects >= MAX_REDIRECTS) {
                throw new NemoServiceException("Too many redirects for " + request.method() + " " + request.path(), details,
                        null);
            }
            boolean keepMethod = status == 307 || status == 308 || "GET".equals(method) || "HEAD".equals(method);
            return sendFollowingRedirects(token, keepMethod ? method : "GET", target, keepMethod ? body : null,
                    redirects + 1);
        }

        private ResponseMapper.Context context(AccessToken token) {
            return new ResponseMapper.Context(request.method(), request.path(),
                    token == null ? null : token.userId().orElse(null), settings.clock(),
                    !request.authenticated() && request.path().endsWith("/anonymous-token"));
        }

        private NemoException toNemo(Throwable error) {
            if (error instanceof AttemptFailure) {
                return classify(error.getCause(), request);
            }
            if (error instanceof NemoException nemoException) {
                return nemoException;
            }
            return classify(error, request);
        }
    }

    private HttpRequest buildRequest(ApiRequest request, AccessToken token, String method, URI uri,
                                     java.util.function.Supplier<HttpRequest.BodyPublisher> body, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body.get())
                .header("User-Agent", settings.userAgent())
                .header("Accept", request.accept())
                .header("X-Skill-Source", settings.attribution().source())
                .header("X-Skill-Version", settings.attribution().version())
                .header("X-Skill-Platform", settings.attribution().platform());
        if (body != null && request.contentType() != null) {
            b.header("Content-Type", request.contentType());
        }
        request.headers().forEach(b::header);
        if (token != null) {
            b.header("Authorization", "Bearer " + token.value());
        }
        return b.build();
    }

    /**
     * {@return the absolute URI on the configured host}
     *
     * @param path API path
     */
    public URI resolve(String path) {
        String base = settings.baseUri().toString();
        return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) + path : base + path);
    }

    /**
     * {@return whether both have the same scheme, host and port}
     *
     * @param a one URI
     * @param b another
     */
    public static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI u) {
        if (u.getPort() != -1) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    /**
     * Maps an I/O failure to a {@link TransportException} that says whether the request may have
     * reached the server.
     *
     * @param error   the failure
     * @param request the request
     * @return the typed error
     */
    public static NemoException classify(Throwable error, ApiRequest request) {
        if (error instanceof NemoException nemoException) {
            return nemoException;
        }
        ErrorDetails d = ErrorDetails.request(request.method(), request.path());
        String where = request.method() + " " + request.path();
        String unknown = request.idempotent() ? "" : "; it was not sent again automatically because it may already "
                + "have been processed: check the session before repeating it";
        if (hasCause(error, HttpConnectTimeoutException.class) || hasCause(error, ConnectException.class)
                || hasCause(error, UnknownHostException.class)) {
            return new TransportException("Could not connect for " + where + ": " + describe(error), d, error,
                    TransportException.Kind.CONNECT, false);
        }
        if (hasCause(error, HttpTimeoutException.class)) {
            return new TransportException("Timed out waiting for the response to " + where + unknown, d, error,
                    TransportException.Kind.TIMEOUT, true);
        }
        if (hasCause(error, InterruptedException.class)) {
            return new TransportException("Interrupted while waiting for " + where, d, error,
                    TransportException.Kind.INTERRUPTED, true);
        }
        String msg = String.valueOf(describe(error)).toLowerCase(Locale.ROOT);
        if (hasCause(error, EOFException.class) || msg.contains("chunked") || msg.contains("content-length")
                || msg.contains("fixed content") || msg.contains("premature")) {
            return new TransportException("The response to " + where + " was cut short" + unknown, d, error,
                    TransportException.Kind.TRUNCATED, true);
        }
        if (error instanceof IOException || hasCause(error, ClosedChannelException.class)) {
            return new TransportException("The connection failed during " + where + " (" + describe(error) + ")"
                    + unknown, d, error, TransportException.Kind.RESET, true);
        }
        if (error instanceof RuntimeException && error.getCause() == null && !(error instanceof CancellationException)) {
            return new NemoClientException("Unexpected failure of " + where + ": " + describe(error), d, error);
        }
        return new TransportException("The exchange " + where + " failed (" + describe(error) + ")" + unknown, d, error,
                TransportException.Kind.RESET, true);
    }

    private static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return root.getClass().getSimpleName() + (m == null ? "" : ": " + dev.nemo.sdk.internal.util.Redactor.redact(m));
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    /** Internal marker: the attempt's I/O failed (as opposed to a mapped API error). */
    private static final class AttemptFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AttemptFailure(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /** Internal marker: the failure was handled by scheduling another attempt. */
    private static final class RetryScheduled extends RuntimeException {
        private static final long serialVersionUID = 1L;
        @SuppressWarnings("StaticAssignmentOfThrowable") // stackless and never thrown to a caller
        static final RetryScheduled INSTANCE = new RetryScheduled();

        private RetryScheduled() {
            super("retry scheduled", null, false, false);
        }
    }
}
