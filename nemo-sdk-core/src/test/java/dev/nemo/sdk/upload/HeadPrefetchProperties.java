package dev.nemo.sdk.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.internal.upload.HeadPrefetch;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Reading a stream's head first never changes a byte of what the upload then reads, for any chunking. */
class HeadPrefetchProperties {

    @Property(tries = 300)
    void headThenRemainderYieldsTheWholeStreamOnce(
            @ForAll @Size(max = 5000) byte[] content,
            @ForAll @Size(min = 1, max = 4) int[] chunks,
            @ForAll @IntRange(min = 1, max = 6000) int want,
            @ForAll @IntRange(min = 1, max = 5) int request,
            @ForAll boolean fail)
            throws Exception {
        int[] sizes = Arrays.stream(chunks).map(c -> 1 + Math.floorMod(c, 900)).toArray();
        RuntimeException failure = fail ? new IllegalStateException("source broke") : null;
        AtomicInteger subscriptions = new AtomicInteger();
        Flow.Publisher<ByteBuffer> source = s -> {
            subscriptions.incrementAndGet();
            Bodies.chunked(content, sizes, failure).subscribe(s);
        };
        HeadPrefetch prefetch = HeadPrefetch.start(source, want);
        byte[] head;
        try {
            head = prefetch.head().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            // the source failed before the head was complete
            assertThat(fail).isTrue();
            assertThat(content.length).isLessThan(want + 900);
            return;
        }
        assertThat(head).isEqualTo(Arrays.copyOf(content, Math.min(want, content.length)));
        Bodies.Drained all = Bodies.drain(prefetch.remainder(), () -> request);
        assertThat(all.bytes()).isEqualTo(content);
        if (fail) {
            assertThat(all.error()).isSameAs(failure);
        } else {
            assertThat(all.error()).isNull();
        }
        assertThat(subscriptions).hasValue(1);
    }
}
