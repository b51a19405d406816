package dev.nemo.sdk.benchmarks;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.benchmarks.server.ServerProcess;
import dev.nemo.sdk.chat.ChatEvent;
import dev.nemo.sdk.chat.ChatOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 1,000 chat streams open at once (three ADK events each) against a server in another JVM: the
 * SDK's {@code chat().publisher} against the raw client's {@code sendAsync} with a line subscriber
 * that parses each {@code data:} line with Jackson. One operation is all 1,000 streams, to the end.
 */
@State(Scope.Benchmark)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 2)
@Measurement(iterations = 6)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StreamsBenchmark {
    /** Streams per operation. */
    public static final int STREAMS = 1000;

    private static final String SESSION = "4815162342000000001";
    private static final String BODY = "{\"app_name\":\"nemo_agent\",\"user_id\":\"me\",\"session_id\":\"" + SESSION
            + "\",\"new_message\":{\"parts\":[{\"text\":\"add BGM\"}]}}";

    private ServerProcess server;
    private NemoClient sdk;
    private HttpClient raw;
    private HttpRequest rawRequest;

    /** Starts the server and both clients. */
    @Setup(Level.Trial)
    public void start() {
        server = ServerProcess.start();
        sdk = Clients.sdk(server.baseUrl(), true);
        raw = Clients.raw();
        rawRequest = Clients.request(server.baseUrl() + "/run_sse")
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(BODY))
                .build();
    }

    /** Stops them. */
    @TearDown(Level.Trial)
    public void stop() {
        sdk.close();
        server.close();
    }

    /** @return the events received, through the SDK */
    @Benchmark
    public int streams_sdk() {
        AtomicInteger events = new AtomicInteger();
        CompletableFuture<?>[] all = new CompletableFuture<?>[STREAMS];
        for (int i = 0; i < STREAMS; i++) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            sdk.chat().publisher(SESSION, "add BGM", ChatOptions.defaults()).subscribe(new Counting<>(events, done));
            all[i] = done;
        }
        CompletableFuture.allOf(all).join();
        return check(events.get());
    }

    /** @return the events received, raw */
    @Benchmark
    public int streams_raw() {
        AtomicInteger events = new AtomicInteger();
        CompletableFuture<?>[] all = new CompletableFuture<?>[STREAMS];
        for (int i = 0; i < STREAMS; i++) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            Counting<String> lines = new Counting<>(events, done);
            all[i] = raw.sendAsync(rawRequest, HttpResponse.BodyHandlers.fromLineSubscriber(lines))
                    .thenCompose(r -> done);
        }
        CompletableFuture.allOf(all).join();
        return check(events.get());
    }

    private static int check(int events) {
        if (events != STREAMS * 3) {
            throw new IllegalStateException(events + " events, expected " + STREAMS * 3);
        }
        return events;
    }

    /** Counts events (or parses and counts {@code data:} lines), requesting everything. */
    private static final class Counting<T> implements Flow.Subscriber<T> {
        private final AtomicInteger events;
        private final CompletableFuture<Void> done;

        Counting(AtomicInteger events, CompletableFuture<Void> done) {
            this.events = events;
            this.done = done;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(T item) {
            if (item instanceof ChatEvent) {
                events.incrementAndGet();
            } else if (item instanceof String line && line.startsWith("data:")) {
                try {
                    Clients.mapper().readTree(line.substring(5));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                events.incrementAndGet();
            }
        }

        @Override
        public void onError(Throwable throwable) {
            done.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            done.complete(null);
        }
    }
}
