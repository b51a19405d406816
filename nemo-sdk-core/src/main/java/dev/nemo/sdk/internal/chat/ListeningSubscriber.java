package dev.nemo.sdk.internal.chat;

import dev.nemo.sdk.chat.ChatEvent;
import dev.nemo.sdk.chat.ChatListener;
import dev.nemo.sdk.chat.ChatOptions;
import dev.nemo.sdk.chat.ChatProgressListener;
import dev.nemo.sdk.chat.ChatResult;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.internal.util.ProgressReporter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds a {@link ChatListener} and collects the {@link ChatResult}; tells the progress listener
 * "still working" every progress interval of heartbeat-only quiet.
 */
public final class ListeningSubscriber implements Flow.Subscriber<ChatEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(ListeningSubscriber.class);
    private final ChatListener listener;
    private final @Nullable ProgressReporter<ChatProgressListener> progress;
    private final long progressNanos;
    private final Ticker ticker;
    private final ChatCollector collector = new ChatCollector();
    private final CompletableFuture<ChatResult> result = new CompletableFuture<>();
    private volatile Flow.@Nullable Subscription subscription;
    private long quietSince;
    private long nextReport;

    /**
     * Creates it from its parts.
     *
     * @param listener the caller's listener of events
     * @param options  the progress listener and how often to tell it "still working"
     * @param ticker   time source
     */
    public ListeningSubscriber(ChatListener listener, ChatOptions options, Ticker ticker) {
        this.listener = listener;
        this.progress = options.progressListener().map(l -> new ProgressReporter<>(l, "chat")).orElse(null);
        this.progressNanos = options.progressInterval().toNanos();
        this.ticker = ticker;
        this.nextReport = progressNanos;
    }

    /** {@return the result: completes when the stream ends, fails when it was refused or the listener threw} */
    public CompletableFuture<ChatResult> result() {
        return result;
    }

    /** Cancels the stream (the result is then left to the caller). */
    public void cancel() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        quietSince = ticker.nanoTime();
        if (result.isDone()) {
            s.cancel();
            return;
        }
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(ChatEvent event) {
        collector.accept(event);
        try {
            listener.onEvent(event);
            progress(event);
        } catch (Throwable t) {
            LOG.warn("The chat listener threw from onEvent; the stream is cancelled and the call fails with its "
                    + "exception", t);
            cancel();
            result.completeExceptionally(t);
        }
    }

    private void progress(ChatEvent event) {
        long now = ticker.nanoTime();
        if (!event.isHeartbeat()) {
            quietSince = now;
            nextReport = progressNanos;
            return;
        }
        long quiet = now - quietSince;
        if (quiet >= nextReport) {
            while (nextReport <= quiet) {
                nextReport += progressNanos;
            }
            if (progress != null) {
                progress.report(l -> l.onProgress(Duration.ofNanos(quiet)));
            }
        }
    }

    @Override
    public void onError(Throwable t) {
        if (ChatCollector.isInterruption(t)) {
            result.complete(collector.interrupted((NemoException) t));
        } else {
            result.completeExceptionally(t);
        }
    }

    @Override
    public void onComplete() {
        result.complete(collector.completed());
    }
}
