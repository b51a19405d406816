package dev.nemo.sdk.internal.upload;

import dev.nemo.sdk.error.NemoException;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Passes a part's content through while counting it: a stream that produces more or fewer bytes
 * than declared, or (length unknown) more than the size limit, is cut off with a typed error
 * before the HTTP client sends a wrong body. The error is also handed to {@code onAbort}, because
 * the HTTP client reports body failures as a generic I/O error.
 */
public final class CheckedContent implements Flow.Publisher<ByteBuffer> {
    /** Builds the errors this check raises. */
    public interface Errors {
        /**
         * {@return the error for a stream that did not match its declared length}
         *
         * @param read     bytes read
         * @param declared bytes declared
         */
        NemoException lengthMismatch(long read, long declared);

        /**
         * {@return the error for a stream that failed}
         *
         * @param cause the stream's failure
         */
        NemoException failed(Throwable cause);

        /**
         * {@return the error for a stream of unknown length that passed the limit}
         *
         * @param read bytes read so far
         */
        NemoException tooLarge(long read);
    }

    private final Flow.Publisher<ByteBuffer> upstream;
    private final long declared;
    private final long limit;
    private final Errors errors;
    private final Consumer<NemoException> onAbort;

    /**
     * Creates it from its parts.
     *
     * @param upstream the content
     * @param declared its declared length, or {@code -1}
     * @param limit    the size limit applied when the length is unknown
     * @param errors   the errors to raise
     * @param onAbort  told about every error raised
     */
    public CheckedContent(Flow.Publisher<ByteBuffer> upstream, long declared, long limit, Errors errors,
                          Consumer<NemoException> onAbort) {
        this.upstream = Objects.requireNonNull(upstream, "upstream");
        this.declared = declared;
        this.limit = limit;
        this.errors = errors;
        this.onAbort = onAbort;
    }

    /**
     * {@return a publisher that fails every subscriber with it}
     *
     * @param error the error
     */
    public static Flow.Publisher<ByteBuffer> failing(Throwable error) {
        return s -> {
            s.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                }
            });
            s.onError(error);
        };
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> downstream) {
        upstream.subscribe(new Flow.Subscriber<ByteBuffer>() {
            private Flow.@Nullable Subscription subscription;
            private long count;
            private boolean done;

            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                downstream.onSubscribe(s);
            }

            @Override
            public void onNext(ByteBuffer b) {
                if (done) {
                    return;
                }
                count += b.remaining();
                if (declared >= 0 && count > declared) {
                    fail(errors.lengthMismatch(count, declared));
                } else if (declared < 0 && count > limit) {
                    fail(errors.tooLarge(count));
                } else {
                    downstream.onNext(b);
                }
            }

            @Override
            public void onError(Throwable t) {
                if (done) {
                    return;
                }
                done = true;
                NemoException e = t instanceof NemoException n ? n : errors.failed(t);
                onAbort.accept(e);
                downstream.onError(e);
            }

            @Override
            public void onComplete() {
                if (done) {
                    return;
                }
                if (declared >= 0 && count != declared) {
                    fail(errors.lengthMismatch(count, declared));
                    return;
                }
                done = true;
                downstream.onComplete();
            }

            private void fail(NemoException e) {
                done = true;
                Flow.Subscription s = subscription;
                if (s != null) {
                    s.cancel();
                }
                onAbort.accept(e);
                downstream.onError(e);
            }
        });
    }
}
