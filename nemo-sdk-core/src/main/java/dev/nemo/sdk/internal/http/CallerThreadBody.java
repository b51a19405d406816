package dev.nemo.sdk.internal.http;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;

/**
 * The blocking form's whole bodies: the JDK's own publisher subscriber ({@code ofPublisher}) takes the
 * response, and the caller's thread reads its body through a {@link BytesBody} (same size limit and deadline).
 * The JDK trusts its own subscribers not to block, so it completes such a response without handing the body
 * to its executor first, a thread hop per call that any subscriber of ours costs.
 */
final class CallerThreadBody {
    private CallerThreadBody() {}

    /**
     * {@return the subscriber that hands the body over as a publisher, as one of any body type}
     */
    @SuppressWarnings("unchecked") // it only hands its body out: read as an Object, it is what it is
    static <B> HttpResponse.BodySubscriber<B> publisher() {
        return (HttpResponse.BodySubscriber<B>)
                (HttpResponse.BodySubscriber<?>) HttpResponse.BodySubscribers.ofPublisher();
    }

    /**
     * Reads a published body whole, on the caller's thread. Its failures are thrown as {@code HttpClient.send}
     * throws those of a body it reads itself.
     *
     * @param published the response's body, from {@link #publisher()}
     * @param reader    a new reader of the body
     * @param <R>       what the body becomes
     * @return the body
     * @throws IOException          when it failed, was too large or too late (the body is then cancelled)
     * @throws InterruptedException when the caller was interrupted (the body is then cancelled)
     */
    @SuppressWarnings("unchecked") // the publisher ofPublisher() hands over
    static <R> R read(Object published, BytesBody<R> reader) throws IOException, InterruptedException {
        ((Flow.Publisher<List<ByteBuffer>>) published).subscribe(reader);
        try {
            return reader.getBody().toCompletableFuture().get();
        } catch (InterruptedException e) {
            reader.cancel();
            throw e;
        } catch (ExecutionException e) {
            // a body that failed (too large, too late) is stopped before the caller hears of it, not after
            reader.cancel();
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException t) {
                throw t;
            }
            throw new IOException(cause == null ? null : cause.getMessage(), cause);
        }
    }
}
