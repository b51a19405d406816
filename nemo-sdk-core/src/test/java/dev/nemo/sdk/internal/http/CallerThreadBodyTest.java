package dev.nemo.sdk.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A body published by the JDK is read whole on the caller's thread, and fails as {@code HttpClient.send} fails. */
class CallerThreadBodyTest {
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
    private final BodyDeadlines deadlines = new BodyDeadlines(timer);

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void readsEveryBufferIntoOneArray() throws Exception {
        Flow.Publisher<List<ByteBuffer>> published = publishing(s -> {
            s.onNext(List.of(bytes("{\"code\":"), bytes("0,")));
            s.onNext(List.of(bytes("\"data\":{}}")));
            s.onComplete();
        });

        byte[] body = CallerThreadBody.read(published, reader(1024, System.nanoTime() + seconds(30)));

        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("{\"code\":0,\"data\":{}}");
    }

    @Test
    void aFailedBodyIsAnIoExceptionCarryingTheCause() {
        EOFException eof = new EOFException("EOF reached while reading");
        Flow.Publisher<List<ByteBuffer>> published = publishing(s -> s.onError(eof));

        assertThatThrownBy(() -> CallerThreadBody.read(published, reader(1024, System.nanoTime() + seconds(30))))
                .isExactlyInstanceOf(IOException.class)
                .hasMessage("EOF reached while reading")
                .hasCause(eof);
    }

    @Test
    void aBodyOverTheLimitFailsAndIsCancelled() {
        AtomicBoolean cancelled = new AtomicBoolean();
        Flow.Publisher<List<ByteBuffer>> published = subscriber -> subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                subscriber.onNext(List.of(bytes("0123456789")));
            }

            @Override
            public void cancel() {
                cancelled.set(true);
            }
        });

        assertThatThrownBy(() -> CallerThreadBody.read(published, reader(4, System.nanoTime() + seconds(30))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("larger than 4 bytes");
        assertThat(cancelled).isTrue();
    }

    @Test
    void aBodyPastItsDeadlineTimesOut() {
        AtomicBoolean cancelled = new AtomicBoolean();
        Flow.Publisher<List<ByteBuffer>> published = silent(cancelled);

        assertThatThrownBy(() -> CallerThreadBody.read(
                        published, reader(1024, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20))))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(cancelled).isTrue();
    }

    @Test
    void anInterruptedReaderCancelsTheBody() {
        AtomicBoolean cancelled = new AtomicBoolean();
        Flow.Publisher<List<ByteBuffer>> published = silent(cancelled);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> CallerThreadBody.read(published, reader(1024, System.nanoTime() + seconds(30))))
                    .isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
        assertThat(cancelled).isTrue();
    }

    private BytesBody<byte[]> reader(int limit, long deadlineNanos) {
        return new BytesBody<>(limit, deadlines, deadlineNanos, Duration.ofSeconds(30), bytes -> bytes);
    }

    private static long seconds(int n) {
        return TimeUnit.SECONDS.toNanos(n);
    }

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A publisher that never sends anything, and notes when it is cancelled. */
    private static Flow.Publisher<List<ByteBuffer>> silent(AtomicBoolean cancelled) {
        return subscriber -> subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {}

            @Override
            public void cancel() {
                cancelled.set(true);
            }
        });
    }

    /** A publisher that, asked for anything, runs {@code script} against its subscriber. */
    private static Flow.Publisher<List<ByteBuffer>> publishing(
            Consumer<Flow.Subscriber<? super List<ByteBuffer>>> script) {
        return subscriber -> subscriber.onSubscribe(new Flow.Subscription() {
            private boolean started;

            @Override
            public void request(long n) {
                if (!started) {
                    started = true;
                    script.accept(subscriber);
                }
            }

            @Override
            public void cancel() {}
        });
    }
}
