package dev.nemo.sdk.internal.chat;

import dev.nemo.sdk.chat.ChatEvent;
import dev.nemo.sdk.chat.ChatResult;
import dev.nemo.sdk.chat.ChatStream;
import dev.nemo.sdk.error.ErrorDetails;
import dev.nemo.sdk.error.NemoClientException;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.error.TransportException;
import java.util.ArrayDeque;
import java.util.NoSuchElementException;
import java.util.concurrent.Flow;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * {@link ChatStream} over the chat publisher: a bounded buffer refilled in batches, so a slow
 * reader holds the HTTP body back instead of buffering it.
 */
public final class BlockingChatStream implements ChatStream, Flow.Subscriber<ChatEvent> {
    private static final int BATCH = 64;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<ChatEvent> buffer = new ArrayDeque<>();
    private final ChatCollector collector = new ChatCollector();
    private Flow.@Nullable Subscription subscription;
    private @Nullable Throwable error;
    private boolean completed;
    private boolean closed;
    private boolean endedBeforeClose;
    private int consumed;
    private @Nullable ChatResult result;

    private BlockingChatStream() {}

    /**
     * {@return the stream (the message was sent; a blocking exchange has its head already)}
     *
     * @param publisher a chat publisher, not yet subscribed
     */
    public static BlockingChatStream open(Flow.Publisher<ChatEvent> publisher) {
        BlockingChatStream s = new BlockingChatStream();
        publisher.subscribe(s);
        return s;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        lock.lock();
        try {
            subscription = s;
        } finally {
            lock.unlock();
        }
        s.request(BATCH);
    }

    @Override
    public void onNext(ChatEvent event) {
        lock.lock();
        try {
            buffer.add(event);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onError(Throwable t) {
        lock.lock();
        try {
            error = t;
            completed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onComplete() {
        lock.lock();
        try {
            completed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean hasNext() {
        lock.lock();
        try {
            while (buffer.isEmpty() && !completed && !closed) {
                changed.await();
            }
            if (!buffer.isEmpty()) {
                return true;
            }
            if (error != null && !closed) {
                throw rethrow(error);
            }
            return false;
        } catch (InterruptedException e) {
            lock.unlock();
            try {
                close();
            } finally {
                lock.lock();
            }
            Thread.currentThread().interrupt();
            throw new TransportException(
                    "Interrupted while waiting for the chat stream; it was closed",
                    ErrorDetails.request("POST", "/run_sse"),
                    e,
                    TransportException.Kind.INTERRUPTED,
                    true);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public ChatEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the chat stream has ended");
        }
        ChatEvent e;
        Flow.@Nullable Subscription s;
        lock.lock();
        try {
            e = buffer.poll();
            s = subscription;
        } finally {
            lock.unlock();
        }
        collector.accept(e);
        // s is set: events only arrive after onSubscribe
        if (++consumed >= BATCH / 2 && s != null) {
            s.request(consumed);
            consumed = 0;
        }
        return e;
    }

    @Override
    public ChatResult result() {
        if (result != null) {
            return result;
        }
        try {
            while (hasNext()) {
                next();
            }
        } catch (NemoException e) {
            if (!ChatCollector.isInterruption(e)) {
                throw e;
            }
            result = collector.interrupted(e);
            return result;
        }
        boolean cancelled;
        lock.lock();
        try {
            cancelled = closed && !endedBeforeClose;
        } finally {
            lock.unlock();
        }
        result = cancelled ? collector.cancelled() : collector.completed();
        return result;
    }

    @Override
    public void close() {
        Flow.@Nullable Subscription s;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            endedBeforeClose = completed && error == null;
            buffer.clear();
            s = subscription;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (s != null) {
            s.cancel();
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new NemoClientException("The chat stream failed: " + t, ErrorDetails.none(), t);
    }
}
