package dev.nemo.sdk.benchmarks;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.benchmarks.server.ServerProcess;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cold start: in a fresh JVM, build a client and make the first call ({@code credits().balance()}),
 * the SDK against a raw {@code HttpClient} (with Jackson for the answer, as the raw side of every pair).
 * One measurement per JVM, many JVMs. The SDK's configuration directory is made before the clock
 * starts ({@code Files.createTempDirectory} seeds a {@code SecureRandom}): the raw side has none.
 */
@State(Scope.Benchmark)
@Fork(
        value = 10,
        jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ColdStartBenchmark {
    private ServerProcess server;
    private Path configDirectory;
    private NemoClient sdk;

    /** Starts the server (not measured). */
    @Setup(Level.Trial)
    public void start() {
        server = ServerProcess.start();
        configDirectory = Clients.tempDirectory("nemo-bench-cold");
    }

    /** Closes the client and stops the server. */
    @TearDown(Level.Trial)
    public void stop() {
        if (sdk != null) {
            sdk.close();
        }
        server.close();
    }

    /** @return the balance, from a new SDK client */
    @Benchmark
    public long coldStart_sdk() {
        sdk = Clients.sdk(server.baseUrl(), true, configDirectory);
        return sdk.credits().balance().available();
    }

    /**
     * @return the balance, from a new raw client
     * @throws Exception on failure
     */
    @Benchmark
    public long coldStart_raw() throws Exception {
        return Clients.rawBalance(Clients.raw(), Clients.creditsRequest(server.baseUrl()));
    }
}
