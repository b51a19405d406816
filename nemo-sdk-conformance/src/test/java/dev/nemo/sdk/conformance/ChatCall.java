package dev.nemo.sdk.conformance;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.chat.ChatEvent;
import dev.nemo.sdk.chat.ChatListener;
import dev.nemo.sdk.chat.ChatOptions;
import dev.nemo.sdk.chat.ChatResult;
import dev.nemo.sdk.chat.ChatStream;
import dev.nemo.sdk.error.NemoException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/** The three ways to read a chat message, each reduced to the events seen and the error it ended with. */
enum ChatCall {
    /** {@code send}; its listener and {@link ChatResult#events()} must agree. */
    SEND {
        @Override
        Outcome run(NemoClient client, String sid, String message, ChatOptions options, ChatListener listener) {
            List<ChatEvent> heard = new ArrayList<>();
            ChatResult r;
            try {
                r = client.chat().send(sid, message, options, e -> {
                    heard.add(e);
                    listener.onEvent(e);
                });
            } catch (NemoException e) {
                // refused before any event (ADK's HTTP 500 when the model fails before the first flush)
                return new Outcome(List.copyOf(heard), e, null);
            }
            if (!heard.equals(r.events())) {
                throw new AssertionError("the listener and the result disagree");
            }
            return new Outcome(r.events(), r.failure().orElse(null), r);
        }
    },
    /** The blocking iterator. */
    STREAM {
        @Override
        Outcome run(NemoClient client, String sid, String message, ChatOptions options, ChatListener listener) {
            List<ChatEvent> seen = new ArrayList<>();
            try (ChatStream events = client.chat().stream(sid, message, options)) {
                while (events.hasNext()) {
                    ChatEvent e = events.next();
                    seen.add(e);
                    listener.onEvent(e);
                }
                return new Outcome(seen, null, null);
            } catch (NemoException e) {
                return new Outcome(seen, e, null);
            }
        }
    },
    /** The {@link Flow.Publisher}, one event requested at a time. */
    PUBLISHER {
        @Override
        Outcome run(NemoClient client, String sid, String message, ChatOptions options, ChatListener listener)
                throws Exception {
            List<ChatEvent> seen = new ArrayList<>();
            CompletableFuture<NemoException> done = new CompletableFuture<>();
            client.chat().publisher(sid, message, options).subscribe(new Flow.Subscriber<>() {
                private Flow.Subscription subscription;

                @Override
                public void onSubscribe(Flow.Subscription s) {
                    subscription = s;
                    s.request(1);
                }

                @Override
                public void onNext(ChatEvent item) {
                    seen.add(item);
                    listener.onEvent(item);
                    subscription.request(1);
                }

                @Override
                public void onError(Throwable t) {
                    if (t instanceof NemoException n) {
                        done.complete(n);
                    } else {
                        done.completeExceptionally(t); // not a typed SDK error: the test fails on get()
                    }
                }

                @Override
                public void onComplete() {
                    done.complete(null);
                }
            });
            NemoException error = done.get(120, TimeUnit.SECONDS); // hang guard only
            return new Outcome(List.copyOf(seen), error, null);
        }
    };

    abstract Outcome run(NemoClient client, String sid, String message, ChatOptions options, ChatListener listener)
            throws Exception;

    /**
     * @param events the events, in order
     * @param error  the typed error the call ended with, or {@code null}
     * @param result {@code send}'s result, or {@code null}
     */
    record Outcome(List<ChatEvent> events, NemoException error, ChatResult result) {
    }
}
