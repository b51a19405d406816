package dev.nemo.sdk.internal.chat;

import dev.nemo.sdk.RequestListener;
import dev.nemo.sdk.chat.ChatEnd;
import dev.nemo.sdk.chat.ChatEvent;
import dev.nemo.sdk.error.EventTooLargeException;
import dev.nemo.sdk.error.StreamTimeoutException;
import dev.nemo.sdk.error.TransportException;
import dev.nemo.sdk.internal.http.Listeners;
import java.time.Duration;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reports a chat stream's timings to the request listeners: the first event, and the end (how,
 * after how long, how many events). The events themselves pass through untouched.
 */
public final class TimedPublisher implements Flow.Publisher<ChatEvent> {
    private final Flow.Publisher<ChatEvent> source;
    private final Listeners listeners;

    /**
     * Creates it from its parts.
     *
     * @param source    the stream
     * @param listeners who is told
     */
    public TimedPublisher(Flow.Publisher<ChatEvent> source, Listeners listeners) {
        this.source = source;
        this.listeners = listeners;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ChatEvent> subscriber) {
        source.subscribe(new Timed(subscriber));
    }

    /** Passes everything on and watches it. */
    private final class Timed implements Flow.Subscriber<ChatEvent> {
        private final Flow.Subscriber<? super ChatEvent> downstream;
        private final long start = System.nanoTime();
        private final AtomicBoolean ended = new AtomicBoolean();
        private final AtomicLong events = new AtomicLong();
        private boolean text;
        private boolean modelError;

        Timed(Flow.Subscriber<? super ChatEvent> downstream) {
            this.downstream = downstream;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            downstream.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                    s.request(n);
                }

                @Override
                public void cancel() {
                    end(ChatEnd.CANCELLED);
                    s.cancel();
                }
            });
        }

        @Override
        public void onNext(ChatEvent event) {
            if (events.getAndIncrement() == 0) {
                RequestListener.ChatFirstEvent e = new RequestListener.ChatFirstEvent(since());
                listeners.emit("chatFirstEvent", l -> l.chatFirstEvent(e));
            }
            if (event instanceof ChatEvent.AgentText) {
                text = true;
            }
            if (!event.isHeartbeat()) {
                modelError = event instanceof ChatEvent.ModelError;
            }
            downstream.onNext(event);
        }

        @Override
        public void onError(Throwable error) {
            end(endOf(error));
            downstream.onError(error);
        }

        @Override
        public void onComplete() {
            end(modelError ? ChatEnd.ERROR_EVENT : text ? ChatEnd.COMPLETED_WITH_TEXT : ChatEnd.COMPLETED_SILENTLY);
            downstream.onComplete();
        }

        private void end(ChatEnd how) {
            if (ended.compareAndSet(false, true)) {
                RequestListener.ChatStreamEnded e = new RequestListener.ChatStreamEnded(how, since(), events.get());
                listeners.emit("chatStreamEnded", l -> l.chatStreamEnded(e));
            }
        }

        private Duration since() {
            return Duration.ofNanos(System.nanoTime() - start);
        }
    }

    private static ChatEnd endOf(Throwable error) {
        if (error instanceof StreamTimeoutException t) {
            return switch (t.watchdog()) {
                case FIRST_BYTE -> ChatEnd.FIRST_BYTE_TIMEOUT;
                case IDLE -> ChatEnd.IDLE_TIMEOUT;
                default -> ChatEnd.OVERALL_TIMEOUT;
            };
        }
        return error instanceof TransportException || error instanceof EventTooLargeException
                ? ChatEnd.TRANSPORT_CUT
                : ChatEnd.ERROR_EVENT;
    }
}
