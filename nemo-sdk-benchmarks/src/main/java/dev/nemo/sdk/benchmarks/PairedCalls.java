package dev.nemo.sdk.benchmarks;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.benchmarks.PairedMeasure.Aim;
import dev.nemo.sdk.benchmarks.server.ServerProcess;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The plain call pair, {@code credits().balance()} against the raw exchange, interleaved: each round
 * runs a block of sequential calls on one side and then the other (the order alternates by round),
 * then a block of 16 concurrent callers on each side.
 */
final class PairedCalls {
    private static final int CALLERS = 16;

    private final int rounds;
    private final int callsPerBlock;
    private final int callsPerCaller;

    final PairedMeasure p50 = new PairedMeasure("latency p50, us", Aim.atMost(1.05));
    final PairedMeasure p99 = new PairedMeasure("latency p99, us", Aim.atMost(1.05));
    final PairedMeasure throughput1 = new PairedMeasure("calls/s, 1 caller", Aim.NONE);
    final PairedMeasure throughput16 = new PairedMeasure("calls/s, 16 callers", Aim.atLeast(0.95));
    final PairedMeasure bytes1 = new PairedMeasure("bytes allocated per call, 1 caller", Aim.atMost(1.1));
    final PairedMeasure bytes16 = new PairedMeasure("bytes allocated per call, 16 callers", Aim.atMost(1.1));

    PairedCalls(int rounds, int callsPerBlock, int callsPerCaller) {
        this.rounds = rounds;
        this.callsPerBlock = callsPerBlock;
        this.callsPerCaller = callsPerCaller;
    }

    /** @return the rows, in report order */
    List<PairedMeasure> measures() {
        return List.of(p50, p99, throughput1, throughput16, bytes1, bytes16);
    }

    void run() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try (ServerProcess server = ServerProcess.start();
                NemoClient client = Clients.sdk(server.baseUrl(), true)) {
            HttpClient rawClient = Clients.raw();
            HttpRequest request = Clients.creditsRequest(server.baseUrl());
            Call sdk = () -> client.credits().balance().available();
            Call raw = () -> Clients.rawBalance(rawClient, request);
            for (int i = 0; i < 10; i++) {
                sequential(sdk);
                sequential(raw);
                concurrent(sdk, callers);
                concurrent(raw, callers);
            }
            for (int round = 0; round < rounds; round++) {
                measureRound(sdk, raw, callers, round % 2 == 0);
                PairedReport.progress("calls", round + 1, rounds);
            }
        } finally {
            callers.shutdownNow();
        }
    }

    private void measureRound(Call sdk, Call raw, ExecutorService callers, boolean sdkFirst) throws Exception {
        Block s;
        Block r;
        if (sdkFirst) {
            s = sequential(sdk);
            r = sequential(raw);
        } else {
            r = sequential(raw);
            s = sequential(sdk);
        }
        p50.add(s.percentile(0.50), r.percentile(0.50));
        p99.add(s.percentile(0.99), r.percentile(0.99));
        throughput1.add(s.callsPerSecond(), r.callsPerSecond());
        bytes1.add(s.bytesPerCall(), r.bytesPerCall());
        if (sdkFirst) {
            s = concurrent(sdk, callers);
            r = concurrent(raw, callers);
        } else {
            r = concurrent(raw, callers);
            s = concurrent(sdk, callers);
        }
        throughput16.add(s.callsPerSecond(), r.callsPerSecond());
        bytes16.add(s.bytesPerCall(), r.bytesPerCall());
    }

    private Block sequential(Call call) throws Exception {
        long[] nanos = new long[callsPerBlock];
        long bytes = Allocation.total();
        long start = System.nanoTime();
        for (int i = 0; i < callsPerBlock; i++) {
            long t = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - t;
        }
        long elapsed = System.nanoTime() - start;
        return new Block(nanos, callsPerBlock, elapsed, Allocation.total() - bytes);
    }

    private Block concurrent(Call call, ExecutorService callers) throws Exception {
        List<Future<?>> done = new ArrayList<>(CALLERS);
        long bytes = Allocation.total();
        long start = System.nanoTime();
        for (int c = 0; c < CALLERS; c++) {
            done.add(callers.submit(() -> {
                for (int i = 0; i < callsPerCaller; i++) {
                    call.run();
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        long elapsed = System.nanoTime() - start;
        int calls = CALLERS * callsPerCaller;
        return new Block(new long[0], calls, elapsed, Allocation.total() - bytes);
    }

    /** One call on one side. */
    @FunctionalInterface
    interface Call {
        long run() throws Exception;
    }

    /** What one block of calls measured. */
    private record Block(long[] nanos, int calls, long elapsedNanos, long bytes) {
        double percentile(double p) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, index)] / 1000.0;
        }

        double callsPerSecond() {
            return calls * 1e9 / elapsedNanos;
        }

        double bytesPerCall() {
            return (double) bytes / calls;
        }
    }
}
