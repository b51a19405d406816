package dev.nemo.sdk.internal.upload;

import dev.nemo.sdk.internal.util.ProgressReporter;
import dev.nemo.sdk.upload.UploadProgressListener;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;

/**
 * Counts the body bytes the HTTP client takes, as it takes them, and reports them to a listener.
 * The client asks for the next buffer when it is ready to write, so the count follows the wire.
 */
public final class ProgressBodyPublisher implements HttpRequest.BodyPublisher {
    private final HttpRequest.BodyPublisher body;
    private final ProgressReporter<UploadProgressListener> progress;

    /**
     * Creates it from its parts.
     *
     * @param body     the body
     * @param progress the upload's listener
     */
    public ProgressBodyPublisher(HttpRequest.BodyPublisher body, ProgressReporter<UploadProgressListener> progress) {
        this.body = body;
        this.progress = progress;
    }

    @Override
    public long contentLength() {
        return body.contentLength();
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> downstream) {
        long total = body.contentLength();
        body.subscribe(new Flow.Subscriber<ByteBuffer>() {
            private long sent;

            @Override
            public void onSubscribe(Flow.Subscription s) {
                downstream.onSubscribe(s);
                report(0);
            }

            @Override
            public void onNext(ByteBuffer b) {
                int n = b.remaining();
                downstream.onNext(b);
                if (n > 0) {
                    sent += n;
                    report(sent);
                }
            }

            @Override
            public void onError(Throwable t) {
                downstream.onError(t);
            }

            @Override
            public void onComplete() {
                downstream.onComplete();
            }

            private void report(long value) {
                progress.report(l -> l.onProgress(value, total));
            }
        });
    }
}
