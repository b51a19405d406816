package dev.nemo.sdk.benchmarks;

import dev.nemo.sdk.internal.chat.AdkEventDecoder;
import dev.nemo.sdk.internal.sse.SseDecoder;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One operation = one pass over the whole input, delivered as 16 KiB heap buffers the way the
 * JDK HTTP client hands them to a body subscriber. {@link Report} turns operations per second
 * into MB/s.
 *
 * <ul>
 *   <li>{@code drainScan}, the raw byte drain: the simplest loop that looks at every byte of the
 *       same chunks once (counting line feeds, so that it is not optimised away): what any
 *       byte-level parser costs at least. The decoder's aim is 0.8 times its speed or better;</li>
 *   <li>{@code drainCopy}, the copy drain: a bulk copy of every chunk into one scratch array (what
 *       taking the bytes out costs at the very least; no per-byte work, so far faster);</li>
 *   <li>{@code sseDecode}: the SDK's SSE decoder, one new decoder per pass as per HTTP response,
 *       events dispatched to a blackhole;</li>
 *   <li>{@code sseDecodeCold}: the same, with the decoders' shared spare assembly buffer taken
 *       away before each pass, as for the first large event in a process;</li>
 *   <li>{@code chatEvents}: SSE decoding plus ADK JSON decoding into {@code ChatEvent}s (for reference).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgs = {"-Xms1g", "-Xmx1g"})
public class SseDecoderBenchmark {
    @Param({"long-line-4MiB", "small-events-10k"})
    public String input;

    private ByteBuffer[] chunks;
    private byte[] scratch;
    private Method takeSpare;

    /**
     * Builds the input.
     *
     * @throws ReflectiveOperationException if the decoder's spare buffer cannot be reached
     */
    @Setup
    public void setUp() throws ReflectiveOperationException {
        chunks = SseInputs.chunks(SseInputs.body(input));
        scratch = new byte[SseInputs.CHUNK];
        // internal on purpose; on the class path (as in the benchmark jar) it can still be reached
        takeSpare = Class.forName("dev.nemo.sdk.internal.sse.SpareBuffer").getDeclaredMethod("take", int.class);
        takeSpare.setAccessible(true);
    }

    /**
     * @param bh sink
     */
    @Benchmark
    public void drainCopy(Blackhole bh) {
        for (ByteBuffer b : chunks) {
            b.clear();
            b.get(scratch, 0, b.remaining());
            bh.consume(scratch);
        }
    }

    /** @return the number of line feeds, so that the loop is not optimised away */
    @Benchmark
    public int drainScan() {
        int lf = 0;
        for (ByteBuffer b : chunks) {
            b.clear();
            for (int i = b.position(), end = b.limit(); i < end; i++) {
                if (b.get(i) == '\n') {
                    lf++;
                }
            }
        }
        return lf;
    }

    /**
     * @param bh sink
     */
    @Benchmark
    public void sseDecode(Blackhole bh) {
        SseDecoder decoder = new SseDecoder(bh::consume);
        for (ByteBuffer b : chunks) {
            b.clear();
            decoder.feed(b);
        }
        bh.consume(decoder.finish());
    }

    /**
     * @param bh sink
     * @throws ReflectiveOperationException never, once set up
     */
    @Benchmark
    public void sseDecodeCold(Blackhole bh) throws ReflectiveOperationException {
        bh.consume(takeSpare.invoke(null, 0));
        sseDecode(bh);
    }

    /**
     * @param bh sink
     */
    @Benchmark
    public void chatEvents(Blackhole bh) {
        SseDecoder decoder = new SseDecoder(new AdkEventDecoder(true, bh::consume));
        for (ByteBuffer b : chunks) {
            b.clear();
            decoder.feed(b);
        }
        bh.consume(decoder.finish());
    }
}
