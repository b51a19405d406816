package dev.nemo.sdk.benchmarks;

import dev.nemo.sdk.internal.chat.AdkEventDecoder;
import dev.nemo.sdk.internal.sse.SseDecoder;
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
 *   <li>{@code drainCopy}: copy every chunk out (what reading the body costs at the very least);</li>
 *   <li>{@code drainScan}: look at every byte once, byte by byte (what any byte-level parser costs at least);</li>
 *   <li>{@code sseDecode}: the SDK's SSE decoder, events dispatched to a blackhole;</li>
 *   <li>{@code chatEvents}: SSE decoding plus ADK JSON decoding into {@code ChatEvent}s (for reference).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class SseDecoderBenchmark {
    @Param({"long-line-4MiB", "small-events-10k"})
    public String input;

    private ByteBuffer[] chunks;
    private byte[] scratch;

    /** Builds the input. */
    @Setup
    public void setUp() {
        chunks = SseInputs.chunks(SseInputs.body(input));
        scratch = new byte[SseInputs.CHUNK];
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
