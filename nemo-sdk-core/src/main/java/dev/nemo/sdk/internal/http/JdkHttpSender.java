package dev.nemo.sdk.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nemo.sdk.error.DecodeException;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.internal.util.Futures;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The end of the chain: sends over the JDK's {@link HttpClient} and maps the answer. A blocking
 * call uses {@link HttpClient#send} on the caller's thread and maps the body there; an
 * asynchronous one uses {@link HttpClient#sendAsync}. Accepted stream responses go to the call's
 * reader; every other body is read whole (one copy, size-limited, within the attempt's deadline)
 * and becomes the envelope's payload, a redirect for the redirect stage, or the typed error.
 */
final class JdkHttpSender implements HttpSender {
    /** Cap on the size of a body read whole (JSON answers and error bodies). */
    static final int MAX_JSON_BODY = 32 * 1024 * 1024;

    private final HttpClient http;
    private final BodyDeadlines deadlines;
    private final Clock clock;
    private final AnonymousUser user;
    private final PreparedRequests prepared = new PreparedRequests();

    JdkHttpSender(HttpClient http, BodyDeadlines deadlines, Clock clock, AnonymousUser user) {
        this.http = http;
        this.deadlines = deadlines;
        this.clock = clock;
        this.user = user;
    }

    @Override
    public <T> CompletableFuture<HttpReply<T>> send(HttpCall<T> call) {
        CallContext<T> ctx = call.context();
        if (ctx.cancelled()) {
            return CompletableFuture.failedFuture(new CancellationException("the call was cancelled"));
        }
        HttpRequest request = request(call);
        if (!ctx.blocking()) {
            return ctx.track(http.sendAsync(request, handler(call))).handle((response, error) -> {
                if (error != null) {
                    throw new CompletionException(IoFailures.classify(Futures.unwrap(error), ctx.request()));
                }
                return reply(call, response, response.body());
            });
        }
        try {
            HttpResponse<Object> response = http.send(request, callerThreadHandler(call));
            return CompletableFuture.completedFuture(reply(call, response, callerThreadBody(call, response.body())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(IoFailures.classify(e, ctx.request()));
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(IoFailures.classify(e, ctx.request()));
        }
    }

    private HttpRequest request(HttpCall<?> call) {
        Supplier<HttpRequest.BodyPublisher> body = call.body();
        if (call.context().callDeadlineNanos() == 0 && body == null) {
            // the attempt's deadline is its timeout from now: the same for every such call
            return prepared.get(
                    call.method(), call.uri(), call.headers(), call.context().timeout());
        }
        long left = call.deadlineNanos() == 0
                ? call.context().timeout().toNanos()
                : Math.max(1_000_000, call.deadlineNanos() - System.nanoTime());
        return new CallRequest(
                call.method(),
                call.uri(),
                Duration.ofNanos(left),
                body == null ? HttpRequest.BodyPublishers.noBody() : body.get(),
                prepared.headers(call.headers()));
    }

    private <T> HttpResponse.BodyHandler<Received<T>> handler(HttpCall<T> call) {
        ResponseReader<T> reader = call.context().reader();
        return info -> {
            if (reader != null && reader.accepts().test(info)) {
                return HttpResponse.BodySubscribers.mapping(reader.handler().apply(info), Received.Streamed::new);
            }
            return wholeBody(call);
        };
    }

    /** The blocking form's handler: a stream as {@link #handler}, any other body as a publisher the caller reads. */
    private static <T> HttpResponse.BodyHandler<Object> callerThreadHandler(HttpCall<T> call) {
        ResponseReader<T> reader = call.context().reader();
        return info -> {
            if (reader != null && reader.accepts().test(info)) {
                return HttpResponse.BodySubscribers.mapping(
                        reader.handler().apply(info), value -> (Object) new Received.Streamed<>(value));
            }
            return CallerThreadBody.publisher();
        };
    }

    @SuppressWarnings("unchecked") // callerThreadHandler's bodies: a stream's Received, else the publisher
    private <T> Received<T> callerThreadBody(HttpCall<T> call, Object body) throws IOException, InterruptedException {
        return body instanceof Received<?> received
                ? (Received<T>) received
                : CallerThreadBody.read(body, wholeBody(call));
    }

    private <T> BytesBody<Received<T>> wholeBody(HttpCall<T> call) {
        return new BytesBody<>(
                MAX_JSON_BODY, deadlines, call.deadlineNanos(), call.context().timeout(), Received.Whole::new);
    }

    private <T> HttpReply<T> reply(HttpCall<T> call, HttpResponse<?> response, Received<T> body) {
        int status = response.statusCode();
        HttpHeaders h = response.headers();
        if (body instanceof Received.Streamed<T> s) {
            return new HttpReply<>(status, h, response.uri(), null, s.value());
        }
        byte[] bytes = ((Received.Whole<T>) body).bytes();
        // one case-insensitive lookup per header in the map, where firstValue would stream each
        Map<String, List<String>> byName = h.map();
        if (status >= 300 && status <= 399 && first(byName, "location") != null) {
            return new HttpReply<>(status, h, response.uri(), null, null);
        }
        ApiRequest r = call.context().request();
        ResponseMapper.Context ctx = new ResponseMapper.Context(
                r.method(),
                r.path(),
                user.id(),
                clock,
                !r.authenticated() && r.path().endsWith("/anonymous-token"),
                byName);
        String contentType = first(byName, "content-type");
        // only a 429 reads it (a 2xx with an error code maps by that code and its own status)
        String retryAfter = status == 429 ? first(byName, "retry-after") : null;
        if (call.context().reader() != null) {
            throw notTheStream(status, contentType, retryAfter, bytes, ctx);
        }
        JsonNode payload = ResponseMapper.payload(status, contentType, retryAfter, bytes, ctx);
        user.capture(payload);
        return new HttpReply<>(status, h, response.uri(), payload, null);
    }

    /** {@return the first value of that header, as {@link HttpHeaders#firstValue} finds it, or {@code null}} */
    private static @Nullable String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** A response the reader did not accept: the typed error it carries, or a decode error for a wrong 2xx. */
    private static NemoException notTheStream(
            int status,
            @Nullable String contentType,
            @Nullable String retryAfter,
            byte[] bytes,
            ResponseMapper.Context ctx) {
        if (status < 200 || status > 299) {
            return ResponseMapper.error(status, retryAfter, bytes, ctx);
        }
        // a 2xx that is not the expected stream: an envelope with an error code (thrown here), or a wrong type
        ResponseMapper.payload(status, contentType, retryAfter, bytes, ctx);
        return new DecodeException(
                "Expected a streamed response from " + ctx.method() + " " + ctx.path() + " but got "
                        + (contentType == null ? "no content type" : contentType),
                ctx.details(status, null, bytes),
                null);
    }
}
