package dev.nemo.sdk.benchmarks;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link SseDecoderBenchmark} (JMH options may be passed, for example {@code -f 1 -wi 2 -i 3})
 * and prints MB/s per input next to the raw byte drain and the copy drain measured in the same
 * run, with the ratios.
 */
public final class SseReport {
    private static final Map<String, String> LABELS = Map.of(
            "drainScan", "raw byte drain: every byte, one simple loop",
            "drainCopy", "copy drain: bulk copy of every chunk",
            "sseDecode", "SSE decoder",
            "sseDecodeCold", "SSE decoder, no spare buffer to recycle",
            "chatEvents", "SSE decoder + ADK JSON into ChatEvents");

    private SseReport() {}

    /**
     * @param args JMH command-line options
     * @throws Exception when JMH fails
     */
    public static void main(String[] args) throws Exception {
        CommandLineOptions cli = new CommandLineOptions(args);
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                        .parent(cli)
                        .include(SseDecoderBenchmark.class.getName())
                        .build())
                .run();
        Map<String, Map<String, double[]>> table = new TreeMap<>();
        for (RunResult r : results) {
            String input = r.getParams().getParam("input");
            String bench = r.getParams().getBenchmark().replaceAll(".*\\.", "");
            double bytes = SseInputs.body(input).length;
            double opsPerSecond = r.getPrimaryResult().getScore();
            double error = r.getPrimaryResult().getScoreError();
            table.computeIfAbsent(input, k -> new TreeMap<>())
                    .put(bench, new double[] {opsPerSecond * bytes / 1e6, error * bytes / 1e6});
        }
        System.out.println();
        System.out.println("SSE decoding throughput (MB/s = 10^6 bytes per second; ± is JMH's 99.9% error)");
        for (Map.Entry<String, Map<String, double[]>> e : table.entrySet()) {
            Map<String, double[]> m = e.getValue();
            System.out.printf(
                    Locale.ROOT, "%n%s (%d bytes, 16 KiB chunks)%n", e.getKey(), SseInputs.body(e.getKey()).length);
            for (Map.Entry<String, double[]> b : m.entrySet()) {
                System.out.printf(
                        Locale.ROOT,
                        "  %-13s %-44s %9.0f ± %6.0f MB/s%n",
                        b.getKey(),
                        LABELS.getOrDefault(b.getKey(), ""),
                        b.getValue()[0],
                        b.getValue()[1]);
            }
            ratio(m, "sseDecode", "drainScan", " (aim: 0.80 or more)");
            ratio(m, "sseDecodeCold", "drainScan", "");
            ratio(m, "sseDecode", "drainCopy", "");
        }
    }

    private static void ratio(Map<String, double[]> m, String a, String b, String note) {
        if (m.containsKey(a) && m.containsKey(b)) {
            double[] x = m.get(a);
            double[] y = m.get(b);
            double r = x[0] / y[0];
            // relative errors of independent measurements add in quadrature
            double error = r * Math.hypot(x[1] / x[0], y[1] / y[0]);
            System.out.printf(Locale.ROOT, "  %s / %s = %.2f ± %.2f%s%n", a, b, r, error, note);
        }
    }
}
