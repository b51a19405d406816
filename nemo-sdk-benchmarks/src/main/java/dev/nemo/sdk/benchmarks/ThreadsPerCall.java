package dev.nemo.sdk.benchmarks;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.benchmarks.server.ServerProcess;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Counts the platform threads started per blocking call, SDK and raw, against the forked server,
 * and names the ones started during the counted calls. The warm-up lets each JDK client's own
 * executor (a cached pool) grow towards its working size: with 200 calls, both sides still started
 * a worker or two during the 2,000 counted calls (0.001 per call); a pool's growth is not per call.
 */
final class ThreadsPerCall {
    private static final int WARM_UP = 1000;
    private static final int CALLS = 2000;

    private ThreadsPerCall() {}

    /**
     * What one side started.
     *
     * @param perCall threads started per counted call
     * @param names   the names of those still alive at the end
     */
    record Started(double perCall, List<String> names) {}

    /** @return the threads started per call: {sdk, raw} */
    static Started[] measure() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (ServerProcess server = ServerProcess.start();
                NemoClient sdk = Clients.sdk(server.baseUrl(), true)) {
            HttpClient raw = Clients.raw();
            HttpRequest request = Clients.creditsRequest(server.baseUrl());
            Started[] started = new Started[2];
            for (int side = 0; side < 2; side++) {
                long before = 0;
                Set<Thread> alive = Set.of();
                for (int i = 0; i < WARM_UP + CALLS; i++) {
                    if (i == WARM_UP) {
                        before = threads.getTotalStartedThreadCount();
                        alive = new HashSet<>(Thread.getAllStackTraces().keySet());
                    }
                    if (side == 0) {
                        sdk.credits().balance();
                    } else {
                        Clients.rawBalance(raw, request);
                    }
                }
                double perCall = (double) (threads.getTotalStartedThreadCount() - before) / CALLS;
                Set<Thread> earlier = alive;
                List<String> names = Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> !earlier.contains(t))
                        .map(Thread::getName)
                        .sorted()
                        .toList();
                started[side] = new Started(perCall, names);
            }
            return started;
        }
    }

    /** @return the report's line: per call on each side, then the names of the threads started */
    static String line(Started[] started) {
        return String.format(
                Locale.ROOT,
                "%-38s %12.4f %12.4f  (SDK 0; started in %,d calls: SDK %s, raw %s)",
                "threads started per call",
                started[0].perCall(),
                started[1].perCall(),
                CALLS,
                started[0].names(),
                started[1].names());
    }
}
