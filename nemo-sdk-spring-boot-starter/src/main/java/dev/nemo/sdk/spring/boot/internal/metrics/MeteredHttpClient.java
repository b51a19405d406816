package dev.nemo.sdk.spring.boot.internal.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The SDK's HTTP client with every exchange timed, through the public {@code NemoClient.Builder#httpClient}
 * hook: each attempt of a request (a retry is a new exchange) is measured from the request to the
 * end of its body, so a chat stream counts until its last event.
 */
public final class MeteredHttpClient extends HttpClient {
    private final HttpClient delegate;
    private final MeterRegistry meters;
    private final ObservationRegistry observations;

    /**
     * @param delegate     the client doing the work
     * @param meters       where timers go
     * @param observations where observations go
     */
    public MeteredHttpClient(HttpClient delegate, MeterRegistry meters, ObservationRegistry observations) {
        this.delegate = delegate;
        this.meters = meters;
        this.observations = observations;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        ExchangeRecorder recorder = recorder(request);
        try {
            return delegate.send(request, timed(handler, recorder));
        } catch (IOException | InterruptedException | RuntimeException e) {
            recorder.finish(-1, e);
            throw e;
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        ExchangeRecorder recorder = recorder(request);
        return delegate.sendAsync(request, timed(handler, recorder)).whenComplete((r, e) -> {
            if (e != null) {
                recorder.finish(-1, e);
            }
        });
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> push) {
        ExchangeRecorder recorder = recorder(request);
        return delegate.sendAsync(request, timed(handler, recorder), push).whenComplete((r, e) -> {
            if (e != null) {
                recorder.finish(-1, e);
            }
        });
    }

    private ExchangeRecorder recorder(HttpRequest request) {
        return new ExchangeRecorder(meters, observations, Operations.of(request.method(), request.uri()));
    }

    private static <T> HttpResponse.BodyHandler<T> timed(HttpResponse.BodyHandler<T> handler, ExchangeRecorder r) {
        return info -> new TimedBodySubscriber<>(handler.apply(info), r, info.statusCode());
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }
}
