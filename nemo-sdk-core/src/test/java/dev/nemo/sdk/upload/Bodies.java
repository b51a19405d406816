package dev.nemo.sdk.upload;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/** Test helpers to build publishers from bytes and to drain publishers into bytes. */
final class Bodies {
    private Bodies() {}

    /** The bytes a publisher produced and how it ended. */
    record Drained(byte[] bytes, Throwable error) {}

    /**
     * @param content the bytes
     * @param chunks  sizes of successive chunks (cycled; values below 1 count as 1)
     * @param failure thrown after the last chunk instead of completing, or {@code null}
     * @return a cold publisher that honours demand
     */
    static Flow.Publisher<ByteBuffer> chunked(byte[] content, int[] chunks, RuntimeException failure) {
        return HttpRequest.BodyPublishers.ofByteArrays(() -> new Iterator<>() {
            int at;
            int next;

            @Override
            public boolean hasNext() {
                return at < content.length || failure != null;
            }

            @Override
            public byte[] next() {
                if (at >= content.length && failure != null) {
                    // the JDK's pull publisher signals onError for a failing next(), not for a failing hasNext()
                    throw failure;
                }
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int size = chunks.length == 0 ? content.length : Math.max(1, chunks[next++ % chunks.length]);
                int n = Math.min(size, content.length - at);
                byte[] out = java.util.Arrays.copyOfRange(content, at, at + n);
                at += n;
                return out;
            }
        });
    }

    /**
     * @param publisher the publisher
     * @param requests  how much to request each time (cycled)
     * @return everything it produced, within 30 s
     */
    static Drained drain(Flow.Publisher<ByteBuffer> publisher, IntSupplier requests) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<Throwable> done = new CompletableFuture<>();
        List<Throwable> violations = new ArrayList<>();
        publisher.subscribe(new Flow.Subscriber<>() {
            Flow.Subscription s;
            long outstanding;

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                s = subscription;
                ask();
            }

            private void ask() {
                int n = Math.max(1, requests.getAsInt());
                outstanding += n;
                s.request(n);
            }

            @Override
            public void onNext(ByteBuffer item) {
                if (done.isDone()) {
                    violations.add(new IllegalStateException("onNext after a terminal signal"));
                }
                if (--outstanding < 0) {
                    violations.add(new IllegalStateException("more items than requested"));
                }
                byte[] b = new byte[item.remaining()];
                item.get(b);
                out.writeBytes(b);
                if (outstanding == 0) {
                    ask();
                }
            }

            @Override
            public void onError(Throwable t) {
                if (!done.complete(t)) {
                    violations.add(new IllegalStateException("second terminal signal"));
                }
            }

            @Override
            public void onComplete() {
                if (!done.complete(null)) {
                    violations.add(new IllegalStateException("second terminal signal"));
                }
            }
        });
        Throwable error;
        try {
            error = done.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the publisher did not finish", e);
        }
        if (!violations.isEmpty()) {
            throw new AssertionError("reactive-streams violation", violations.get(0));
        }
        return new Drained(out.toByteArray(), error);
    }
}
