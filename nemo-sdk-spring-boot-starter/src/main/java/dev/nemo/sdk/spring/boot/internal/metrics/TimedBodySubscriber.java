package dev.nemo.sdk.spring.boot.internal.metrics;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** Passes a body through and tells the recorder when its first bytes come and when it ends. */
final class TimedBodySubscriber<T> implements HttpResponse.BodySubscriber<T> {
    private final HttpResponse.BodySubscriber<T> delegate;
    private final ExchangeRecorder recorder;
    private final int status;

    TimedBodySubscriber(HttpResponse.BodySubscriber<T> delegate, ExchangeRecorder recorder, int status) {
        this.delegate = delegate;
        this.recorder = recorder;
        this.status = status;
    }

    @Override
    public CompletionStage<T> getBody() {
        return delegate.getBody();
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        delegate.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                subscription.request(n);
            }

            @Override
            public void cancel() {
                recorder.finish(status, new java.util.concurrent.CancellationException("body cancelled by the SDK"));
                subscription.cancel();
            }
        });
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        recorder.firstBytes();
        delegate.onNext(item);
    }

    @Override
    public void onError(Throwable throwable) {
        recorder.finish(status, throwable);
        delegate.onError(throwable);
    }

    @Override
    public void onComplete() {
        recorder.finish(status, null);
        delegate.onComplete();
    }
}
