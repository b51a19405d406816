package dev.nemo.sdk.internal.upload;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Reads the first bytes of a stream before an upload starts (to check its format), then hands the
 * same subscription to the upload: the bytes already read are replayed, the rest is pulled on
 * demand. So a stream that can be read only once is still read only once.
 *
 * <p>Lifecycle: {@link #start} subscribes; {@link #head()} completes with at least {@code want}
 * bytes (fewer when the stream is shorter); then either {@link #remainderOr} takes the stream over
 * (once), or {@link #release()} cancels it.
 */
public final class HeadPrefetch implements Flow.Subscriber<ByteBuffer> {
    private final int want;
    private final CompletableFuture<byte[]> head = new CompletableFuture<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicInteger wip = new AtomicInteger();
    private final ArrayDeque<ByteBuffer> held = new ArrayDeque<>();
    private long heldBytes;
    private Flow.@Nullable Subscription upstream;
    private boolean upstreamComplete;
    private @Nullable Throwable upstreamError;
    private @Nullable Throwable fatal;
    private Flow.@Nullable Subscriber<? super ByteBuffer> downstream;
    private long demand;
    private boolean passThrough;
    private boolean finished;
    private boolean released;

    private HeadPrefetch(int want) {
        this.want = want;
    }

    /**
     * {@return the prefetch, already subscribed}
     *
     * @param source the stream
     * @param want   how many leading bytes to read
     */
    public static HeadPrefetch start(Flow.Publisher<ByteBuffer> source, int want) {
        HeadPrefetch p = new HeadPrefetch(want);
        try {
            source.subscribe(p);
        } catch (RuntimeException e) {
            p.head.completeExceptionally(e);
        }
        return p;
    }

    /** {@return the first bytes: {@code want} of them, or all when the stream is shorter} */
    public CompletableFuture<byte[]> head() {
        return head;
    }

    /** Cancels the stream unless {@link #remainder()} took it over. */
    public void release() {
        Flow.Subscription s;
        lock.lock();
        try {
            if (downstream != null || released) {
                return;
            }
            released = true;
            held.clear();
            s = upstream;
        } finally {
            lock.unlock();
        }
        if (s != null) {
            s.cancel();
        }
        head.cancel(false);
    }

    /** {@return the whole stream, from its first byte; may be subscribed to once} */
    public Flow.Publisher<ByteBuffer> remainder() {
        return remainderOr(CheckedContent.failing(new IllegalStateException("the stream was already consumed")));
    }

    /**
     * {@return a publisher whose first subscriber takes over the prefetched stream from its first byte, and whose later subscribers get {@code fallback}}
     *
     * @param fallback what a subscriber gets once the prefetched stream is taken or released (for
     *                 example a fresh subscription to the source)
     */
    public Flow.Publisher<ByteBuffer> remainderOr(Flow.Publisher<ByteBuffer> fallback) {
        return subscriber -> {
            boolean ok;
            lock.lock();
            try {
                ok = downstream == null && !released && head.isDone() && !head.isCompletedExceptionally();
                if (ok) {
                    downstream = subscriber;
                }
            } finally {
                lock.unlock();
            }
            if (!ok) {
                fallback.subscribe(subscriber);
                return;
            }
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                    onRequest(n);
                }

                @Override
                public void cancel() {
                    onCancel();
                }
            });
            drain();
        };
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        boolean cancel;
        lock.lock();
        try {
            cancel = upstream != null || released;
            if (upstream == null) {
                upstream = s;
            }
        } finally {
            lock.unlock();
        }
        if (cancel) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(ByteBuffer b) {
        Flow.@Nullable Subscriber<? super ByteBuffer> direct = null;
        Flow.@Nullable Subscription more = null;
        byte[] headBytes = null;
        lock.lock();
        try {
            if (fatal != null) {
                return;
            } else if (passThrough) {
                direct = downstream;
            } else if (!released) {
                held.add(b);
                heldBytes += b.remaining();
                if (!head.isDone()) {
                    if (heldBytes >= want) {
                        headBytes = copyHead();
                    } else {
                        more = upstream;
                    }
                }
            }
        } finally {
            lock.unlock();
        }
        if (direct != null) {
            direct.onNext(b);
            return;
        }
        if (headBytes != null) {
            head.complete(headBytes);
        }
        if (more != null) {
            more.request(1);
        }
        drain();
    }

    @Override
    public void onError(Throwable t) {
        terminate(t);
    }

    @Override
    public void onComplete() {
        terminate(null);
    }

    private void terminate(@Nullable Throwable error) {
        Flow.@Nullable Subscriber<? super ByteBuffer> direct = null;
        byte[] headBytes = null;
        lock.lock();
        try {
            if (fatal != null) {
                return;
            } else if (passThrough) {
                direct = downstream;
                finished = true;
            } else {
                upstreamComplete = error == null;
                upstreamError = error;
                if (!head.isDone() && error == null) {
                    headBytes = copyHead();
                }
            }
        } finally {
            lock.unlock();
        }
        if (direct != null) {
            if (error == null) {
                direct.onComplete();
            } else {
                direct.onError(error);
            }
            return;
        }
        if (error != null) {
            head.completeExceptionally(error);
        } else if (headBytes != null) {
            head.complete(headBytes);
        }
        drain();
    }

    private void onRequest(long n) {
        Flow.@Nullable Subscription forward = null;
        boolean invalid = false;
        lock.lock();
        try {
            if (finished) {
                return;
            }
            if (n <= 0) {
                // rule 3.9: a non-positive request fails the subscription
                invalid = true;
                fatal = new IllegalArgumentException("non-positive request: " + n);
                held.clear();
                passThrough = false;
                forward = upstream;
            } else if (passThrough) {
                forward = upstream;
            } else {
                demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
            }
        } finally {
            lock.unlock();
        }
        if (invalid) {
            if (forward != null) {
                forward.cancel();
            }
            drain();
        } else if (forward != null) {
            forward.request(n);
        } else {
            drain();
        }
    }

    private void onCancel() {
        Flow.@Nullable Subscription s;
        lock.lock();
        try {
            finished = true;
            held.clear();
            s = upstream;
        } finally {
            lock.unlock();
        }
        if (s != null) {
            s.cancel();
        }
    }

    /** Emits held bytes and the terminal signal as demand allows; serialised, never reentrant. */
    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        while (true) {
            while (true) {
                Flow.@Nullable Subscriber<? super ByteBuffer> d;
                ByteBuffer next = null;
                Throwable error = null;
                boolean complete = false;
                long forward = 0;
                Flow.@Nullable Subscription up = null;
                lock.lock();
                try {
                    d = downstream;
                    if (d == null || finished || passThrough) {
                        break;
                    }
                    if (fatal != null) {
                        error = fatal;
                        finished = true;
                    } else if (!held.isEmpty()) {
                        if (demand == 0) {
                            break;
                        }
                        next = held.poll();
                        demand--;
                    } else if (upstreamError != null) {
                        error = upstreamError;
                        finished = true;
                    } else if (upstreamComplete) {
                        complete = true;
                        finished = true;
                    } else if (demand > 0) {
                        passThrough = true;
                        up = upstream;
                        forward = demand;
                        demand = 0;
                    } else {
                        break;
                    }
                } finally {
                    lock.unlock();
                }
                if (next != null) {
                    d.onNext(next);
                } else if (error != null) {
                    d.onError(error);
                } else if (complete) {
                    d.onComplete();
                } else if (forward > 0 && up != null) {
                    up.request(forward);
                }
            }
            missed = wip.addAndGet(-missed);
            if (missed == 0) {
                return;
            }
        }
    }

    private byte[] copyHead() {
        int n = (int) Math.min(want, heldBytes);
        byte[] out = new byte[n];
        int at = 0;
        for (ByteBuffer b : held) {
            if (at >= n) {
                break;
            }
            int take = Math.min(b.remaining(), n - at);
            b.duplicate().get(out, at, take);
            at += take;
        }
        return out;
    }
}
