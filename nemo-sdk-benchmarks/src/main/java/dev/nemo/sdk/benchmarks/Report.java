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
 * and prints MB/s per input next to the raw drains measured in the same run.
 */
public final class Report {
    private Report() {
    }

    /**
     * @param args JMH command-line options
     * @throws Exception when JMH fails
     */
    public static void main(String[] args) throws Exception {
        CommandLineOptions cli = new CommandLineOptions(args);
        Collection<RunResult> results = new Runner(new OptionsBuilder().parent(cli)
                .include(SseDecoderBenchmark.class.getName()).build()).run();
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
            System.out.printf(Locale.ROOT, "%n%s (%d bytes, 16 KiB chunks)%n", e.getKey(), SseInputs.body(e.getKey()).length);
            for (Map.Entry<String, double[]> b : m.entrySet()) {
                System.out.printf(Locale.ROOT, "  %-11s %9.0f ± %6.0f MB/s%n", b.getKey(), b.getValue()[0], b.getValue()[1]);
            }
            if (m.containsKey("sseDecode")) {
                double decode = m.get("sseDecode")[0];
                if (m.containsKey("drainScan")) {
                    System.out.printf(Locale.ROOT, "  sseDecode / drainScan = %.2f%n", decode / m.get("drainScan")[0]);
                }
                if (m.containsKey("drainCopy")) {
                    System.out.printf(Locale.ROOT, "  sseDecode / drainCopy = %.2f%n", decode / m.get("drainCopy")[0]);
                }
            }
        }
    }
}
