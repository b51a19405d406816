package dev.nemo.sdk.testing;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.chat.ChatEvent;
import dev.nemo.sdk.chat.ChatListener;
import dev.nemo.sdk.chat.ChatOptions;
import dev.nemo.sdk.chat.ChatResult;
import dev.nemo.sdk.chat.ChatStream;
import dev.nemo.sdk.error.NemoException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The three ways to read a chat message, each reduced to the events seen and how it ended. Shared
 * with the conformance module through core's test-jar.
 */
public enum ChatCall {
    /** {@code send} with a listener; the listener and {@link ChatResult#events()} must agree. */
    SEND {
        @Override
        Outcome read(NemoClient client, String sid, String message, ChatOptions options, ChatListener listener,
                Demand demand) {
            List<ChatEvent> heard = new ArrayList<>();
            try {
                ChatResult r = client.chat().send(sid, message, options, e -> {
                    heard.add(e);
                    listener.onEvent(e);
                });
                if (!heard.equals(r.events())) {
                    throw new AssertionError("listener saw " + heard.size() + " events, result has "
                            + r.events().size());
                }
                return new Outcome(r.events(), r.failure().orElse(null), r);
            } catch (NemoException e) {
                return new Outcome(List.copyOf(heard), e, null);
            }
        }
    },
    /** The blocking iterator. */
    STREAM {
        @Override
        Outcome read(NemoClient client, String sid, String message, ChatOptions options, ChatListener listener,
                Demand demand) {
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
    /** The {@link Flow.Publisher}, requesting as many events at a time as the demand says. */
    PUBLISHER {
        @Override
        Outcome read(NemoClient client, String sid, String message, ChatOptions options, ChatListener listener,
                Demand demand) throws Exception {
            List<ChatEvent> seen = new ArrayList<>();
            CompletableFuture<NemoException> done = new CompletableFuture<>();
            IntSupplier batch = demand.start();
            client.chat().publisher(sid, message, options).subscribe(new Flow.Subscriber<>() {
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
                    listener.onEvent(item);
                    if (--left == 0) {
                        more();
                    }
                }

                private void more() {
                    left = batch.getAsInt();
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
            NemoException error = done.get(120, TimeUnit.SECONDS); // hang guard only
            return new Outcome(List.copyOf(seen), error, null); // complete() happens after every onNext
        }
    };

    /**
     * Reads with no listener; the publisher asks for one to three events at a time, drawn from
     * {@code random}.
     *
     * @param client  the client
     * @param sid     the session
     * @param message the message to send
     * @param options the chat options
     * @param random  where the publisher's demand comes from (drawn from only by {@link #PUBLISHER})
     * @return what was read
     * @throws Exception when the publisher's hang guard runs out
     */
    public Outcome run(NemoClient client, String sid, String message, ChatOptions options, Random random)
            throws Exception {
        return read(client, sid, message, options, ChatListener.none(), () -> {
            Random demand = new Random(random.nextLong());
            return () -> 1 + demand.nextInt(3);
        });
    }

    /**
     * Reads one event at a time, telling {@code listener} each event as it is read.
     *
     * @param client   the client
     * @param sid      the session
     * @param message  the message to send
     * @param options  the chat options
     * @param listener hears every event as it is read
     * @return what was read
     * @throws Exception when the publisher's hang guard runs out
     */
    public Outcome run(NemoClient client, String sid, String message, ChatOptions options, ChatListener listener)
            throws Exception {
        return read(client, sid, message, options, listener, () -> () -> 1);
    }

    abstract Outcome read(NemoClient client, String sid, String message, ChatOptions options, ChatListener listener,
            Demand demand) throws Exception;

    /** How many events the publisher asks for at a time; started once per read, on the caller's thread. */
    @FunctionalInterface
    interface Demand {
        /** {@return the size of each request} */
        IntSupplier start();
    }

    /**
     * What one read saw.
     *
     * @param events the events, in order
     * @param error  the typed error the call ended with, or {@code null}
     * @param result {@code send}'s result, or {@code null} for the other two forms
     */
    public record Outcome(List<ChatEvent> events, NemoException error, ChatResult result) {
    }
}
