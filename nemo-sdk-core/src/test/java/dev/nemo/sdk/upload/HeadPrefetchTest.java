package dev.nemo.sdk.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.internal.upload.HeadPrefetch;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Reading a stream's head first must not change a byte of what the upload then reads. */
class HeadPrefetchTest {

    @Test
    void releaseCancelsTheSourceAndTheRemainderCannotBeTakenTwice() throws Exception {
        AtomicBoolean cancelled = new AtomicBoolean();
        Flow.Publisher<ByteBuffer> endless = s -> s.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                for (long i = 0; i < n; i++) {
                    s.onNext(ByteBuffer.wrap(new byte[100]));
                }
            }

            @Override
            public void cancel() {
                cancelled.set(true);
            }
        });
        HeadPrefetch p = HeadPrefetch.start(endless, 1000);
        assertThat(p.head().get(5, TimeUnit.SECONDS)).hasSize(1000);
        p.release();
        assertThat(cancelled).isTrue();
        assertThat(Bodies.drain(p.remainder(), () -> 1).error()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRemainderTakenOverIsNotCancelledByRelease() throws Exception {
        byte[] content = new byte[10_000];
        Arrays.fill(content, (byte) 7);
        HeadPrefetch p = HeadPrefetch.start(Bodies.chunked(content, new int[] {1000}, null), 64);
        p.head().get(5, TimeUnit.SECONDS);
        Flow.Publisher<ByteBuffer> rest = p.remainder();
        Bodies.Drained d = Bodies.drain(rest, () -> 3);
        p.release();
        assertThat(d.bytes()).isEqualTo(content);
        assertThat(Bodies.drain(rest, () -> 1).error())
                .as("second subscription")
                .isNotNull();
    }
}
