package dev.nemo.sdk.benchmarks;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.benchmarks.server.ServerProcess;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One plain call, {@code credits().balance()}, against the same answer from a server in another JVM:
 * the SDK ({@code *_sdk}) and a raw {@link HttpClient} doing the same exchange ({@code *_raw}).
 * Latency as {@code SampleTime} (the report takes p50 and p99), throughput with 1 and 16 callers;
 * with {@code -prof gc}, allocation per call.
 */
@State(Scope.Benchmark)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
public class CallBenchmark {
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
        rawRequest = Clients.creditsRequest(server.baseUrl());
    }

    /** Stops them. */
    @TearDown(Level.Trial)
    public void stop() {
        sdk.close();
        server.close();
    }

    /** @return the balance, through the SDK */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long latency_sdk() {
        return sdk.credits().balance().available();
    }

    /**
     * @return the balance, raw
     * @throws Exception on failure
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long latency_raw() throws Exception {
        return rawBalance();
    }

    /** @return the balance, through the SDK, one caller */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(1)
    public long throughput1_sdk() {
        return sdk.credits().balance().available();
    }

    /**
     * @return the balance, raw, one caller
     * @throws Exception on failure
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(1)
    public long throughput1_raw() throws Exception {
        return rawBalance();
    }

    /** @return the balance, through the SDK, 16 callers */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(16)
    public long throughput16_sdk() {
        return sdk.credits().balance().available();
    }

    /**
     * @return the balance, raw, 16 callers
     * @throws Exception on failure
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(16)
    public long throughput16_raw() throws Exception {
        return rawBalance();
    }

    private long rawBalance() throws IOException, InterruptedException {
        return Clients.rawBalance(raw, rawRequest);
    }
}
