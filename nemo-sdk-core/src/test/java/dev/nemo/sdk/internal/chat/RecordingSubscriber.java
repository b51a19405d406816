package dev.nemo.sdk.internal.chat;

import dev.nemo.sdk.chat.ChatEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/** Records signals; requests only what the test asks for. */
final class RecordingSubscriber implements Flow.Subscriber<ChatEvent> {
    final List<ChatEvent> events = new CopyOnWriteArrayList<>();
    volatile Throwable error;
    volatile boolean completed;
    volatile Flow.Subscription subscription;
    volatile Consumer<ChatEvent> onEach = e -> {};
    private final long initial;

    RecordingSubscriber(long initial) {
        this.initial = initial;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (initial > 0) {
            s.request(initial);
        }
    }

    @Override
    public void onNext(ChatEvent item) {
        if (error != null || completed) {
            throw new AssertionError("signal after the terminal one");
        }
        events.add(item);
        onEach.accept(item);
    }

    @Override
    public void onError(Throwable t) {
        error = t;
    }

    @Override
    public void onComplete() {
        completed = true;
    }

    void request(long n) {
        subscription.request(n);
    }
}
