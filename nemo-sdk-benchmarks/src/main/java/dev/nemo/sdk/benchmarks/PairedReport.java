package dev.nemo.sdk.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SDK-vs-raw pairs measured interleaved in one JVM ({@code java -jar benchmarks.jar paired
 * [quick]}): every round takes one SDK sample and one raw sample back to back, so the machine's drift
 * between rounds cancels in the per-round ratio, which JMH's separate forks and iterations cannot do
 * on a small shared machine. Prints each ratio with its 95% confidence interval and, for the aims of
 * issue 15, whether the whole interval is inside the aim.
 */
public final class PairedReport {
    private PairedReport() {}

    /**
     * @param args {@code quick} for a short run (fewer rounds) that checks the program, nothing for
     *     the recorded run
     * @throws Exception when a pair fails
     */
    public static void main(String[] args) throws Exception {
        boolean quick = args.length > 0 && args[0].equals("quick");
        String started = Instant.now().toString();
        ThreadsPerCall.Started[] threads = ThreadsPerCall.measure();
        PairedCalls calls = quick ? new PairedCalls(4, 300, 30) : new PairedCalls(60, 2000, 150);
        calls.run();
        PairedBulk bulk = quick ? new PairedBulk(2, 2) : new PairedBulk(16, 24);
        bulk.run();
        PairedColdStart cold = new PairedColdStart(quick ? 2 : 20);
        cold.run();

        List<PairedMeasure> rows = new ArrayList<>(calls.measures());
        rows.addAll(bulk.measures());
        rows.addAll(cold.measures());
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "SDK vs raw java.net.http, interleaved (%s %s, %d CPUs, %s to %s)%n",
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                started,
                Instant.now());
        System.out.println(ThreadsPerCall.line(threads));
        System.out.println(PairedMeasure.header());
        rows.forEach(r -> System.out.println(r.row()));
    }

    static void progress(String what, int done, int of) {
        System.err.printf(Locale.ROOT, "  %s: round %d of %d%n", what, done, of);
    }
}
