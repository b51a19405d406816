package dev.nemo.sdk.chat;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.error.NemoException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/** The three ways to read a chat message, each reduced to the events seen and how it ended. */
enum ChatCall {
    /** {@code send} with a listener; the listener and {@link ChatResult#events()} must agree. */
    SEND {
        @Override
        Outcome run(NemoClient client, String sid, String message, ChatOptions options, Random random) {
            List<ChatEvent> heard = new ArrayList<>();
            try {
                ChatResult r = client.chat().send(sid, message, options, heard::add);
                if (!heard.equals(r.events())) {
                    throw new AssertionError("listener saw " + heard.size() + " events, result has " + r.events().size());
                }
                return new Outcome(r.events(), r.failure().orElse(null), r);
            } catch (NemoException e) {
                return new Outcome(heard, e, null);
            }
        }
    },
    /** The blocking iterator. */
    STREAM {
        @Override
        Outcome run(NemoClient client, String sid, String message, ChatOptions options, Random random) {
            List<ChatEvent> seen = new ArrayList<>();
            try (ChatStream events = client.chat().stream(sid, message, options)) {
                while (events.hasNext()) {
                    seen.add(events.next());
                }
                return new Outcome(seen, null, null);
            } catch (NemoException e) {
                return new Outcome(seen, e, null);
            }
        }
    },
    /** The {@link Flow.Publisher}, with random demand (one to three events at a time). */
    PUBLISHER {
        @Override
        Outcome run(NemoClient client, String sid, String message, ChatOptions options, Random random)
                throws Exception {
            List<ChatEvent> seen = new ArrayList<>();
            CompletableFuture<NemoException> done = new CompletableFuture<>();
            long seed = random.nextLong();
            client.chat().publisher(sid, message, options).subscribe(new Flow.Subscriber<>() {
                private final Random demand = new Random(seed);
                private Flow.Subscription subscription;
                private long left;

                @Override
                public void onSubscribe(Flow.Subscription s) {
                    subscription = s;
                    more();
                }

                @Override
                public void onNext(ChatEvent item) {
                    seen.add(item);
                    if (--left == 0) {
                        more();
                    }
                }

                private void more() {
                    left = 1 + demand.nextInt(3);
                    subscription.request(left);
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
            NemoException error = done.get(60, TimeUnit.SECONDS); // hang guard only
            return new Outcome(List.copyOf(seen), error, null); // complete() happens after every onNext
        }
    };

    abstract Outcome run(NemoClient client, String sid, String message, ChatOptions options, Random random)
            throws Exception;

    /**
     * @param events the events, in order
     * @param error  the typed error the call ended with, or {@code null}
     * @param result {@code send}'s result, or {@code null} for the other two forms
     */
    record Outcome(List<ChatEvent> events, NemoException error, ChatResult result) {
    }
}
