package dev.nemo.sdk.benchmarks;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.benchmarks.server.ServerProcess;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;

/**
 * Counts the platform threads started per blocking call, SDK and raw, against the forked server.
 * The warm-up lets each JDK client's own executor (a cached pool) grow to its working size: with 200
 * calls, both sides still started a worker or two during the 2,000 counted calls (0.001 per call).
 */
final class ThreadsPerCall {
    private static final int WARM_UP = 1000;
    private static final int CALLS = 2000;

    private ThreadsPerCall() {}

    /** @return threads started per call: {sdk, raw} */
    static double[] measure() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (ServerProcess server = ServerProcess.start();
                NemoClient sdk = Clients.sdk(server.baseUrl(), true)) {
            HttpClient raw = Clients.raw();
            HttpRequest request = Clients.creditsRequest(server.baseUrl());
            double[] perCall = new double[2];
            for (int side = 0; side < 2; side++) {
                for (int i = 0; i < WARM_UP + CALLS; i++) {
                    if (i == WARM_UP) {
                        perCall[side] = threads.getTotalStartedThreadCount();
                    }
                    if (side == 0) {
                        sdk.credits().balance();
                    } else {
                        Clients.rawBalance(raw, request);
                    }
                }
                perCall[side] = (threads.getTotalStartedThreadCount() - perCall[side]) / CALLS;
            }
            return perCall;
        }
    }
}
