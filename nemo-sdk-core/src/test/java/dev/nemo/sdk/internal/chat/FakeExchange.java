package dev.nemo.sdk.internal.chat;

import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Plays the HTTP client: counts sends, hands the body subscriber chunks, records demand and cancel. */
final class FakeExchange implements ChatEventPublisher.Exchange {
    final AtomicInteger starts = new AtomicInteger();
    final AtomicLong bodyRequested = new AtomicLong();
    final AtomicBoolean bodyCancelled = new AtomicBoolean();
    CompletableFuture<HttpResponse<?>> response;
    HttpResponse.BodySubscriber<Void> body;

    @Override
    public CompletableFuture<? extends HttpResponse<?>> start(HttpResponse.BodyHandler<Void> handler) {
        starts.incrementAndGet();
        response = new CompletableFuture<>();
        this.handler = handler;
        return response;
    }

    private HttpResponse.BodyHandler<Void> handler;

    /** The server answers 200 text/event-stream: the body subscriber is attached. */
    void open() {
        body = handler.apply(new HttpResponse.ResponseInfo() {
            @Override
            public int statusCode() {
                return 200;
            }

            @Override
            public HttpHeaders headers() {
                return HttpHeaders.of(Map.of("content-type", List.of("text/event-stream")), (a, b) -> true);
            }

            @Override
            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        });
        body.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                bodyRequested.addAndGet(n);
            }

            @Override
            public void cancel() {
                bodyCancelled.set(true);
            }
        });
        response.complete(null);
    }

    /** @param text the next chunk (only when the subscriber asked for one) */
    void send(String text) {
        if (bodyRequested.get() <= 0) {
            throw new AssertionError("the publisher did not request a chunk before this one");
        }
        bodyRequested.decrementAndGet();
        body.onNext(List.of(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8))));
    }
}
