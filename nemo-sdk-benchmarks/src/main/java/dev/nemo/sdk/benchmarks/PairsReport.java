package dev.nemo.sdk.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.ListStatistics;

/**
 * Runs the SDK-vs-raw pairs ({@link CallBenchmark}, {@link TransferBenchmark},
 * {@link StreamsBenchmark}, {@link ColdStartBenchmark}; JMH options such as {@code -f 1 -i 3} or a
 * benchmark regex may be passed) in one run and prints each SDK/raw ratio with its error, next to
 * the aim of issue 15. Errors: JMH's 99.9% confidence interval of the mean (for percentiles, of the
 * mean of the per-iteration percentiles); a ratio's relative error is the two relative errors added
 * in quadrature.
 */
public final class PairsReport {
    private static final double MIB200 = TransferBenchmark.BYTES / 1e6;

    private PairsReport() {}

    /**
     * @param args JMH command-line options
     * @throws Exception when JMH fails
     */
    public static void main(String[] args) throws Exception {
        ThreadsPerCall.Started[] threads = ThreadsPerCall.measure();
        CommandLineOptions cli = new CommandLineOptions(args);
        OptionsBuilder options = new OptionsBuilder();
        options.parent(cli);
        if (cli.getIncludes().isEmpty()) {
            for (Class<?> c : List.of(
                    CallBenchmark.class, TransferBenchmark.class, StreamsBenchmark.class, ColdStartBenchmark.class)) {
                options.include(c.getName());
            }
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        Map<String, RunResult> byName = new LinkedHashMap<>();
        for (RunResult r : results) {
            byName.put(r.getParams().getBenchmark().replaceAll(".*\\.", ""), r);
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-34s %20s %20s %14s  %s", "measure", "SDK", "raw", "SDK/raw", "aim"));
        lines.add(String.format(
                Locale.ROOT,
                "%-34s %20.3f %20.3f %14s  %s",
                "threads started per call",
                threads[0].perCall(),
                threads[1].perCall(),
                "",
                "SDK 0; started: SDK " + threads[0].names() + ", raw " + threads[1].names()));
        latency(lines, byName, 50, "<= 1.05");
        latency(lines, byName, 99, "<= 1.05");
        pair(lines, byName, "throughput1", "calls/s, 1 caller", 1, "");
        pair(lines, byName, "throughput16", "calls/s, 16 callers", 1, ">= 0.95");
        for (String b : List.of("latency", "throughput1", "throughput16")) {
            alloc(lines, byName, b);
        }
        transfer(lines, byName, "upload", "upload", "upload 200 MiB, MB/s", "about 1");
        transfer(lines, byName, "download", "download", "download 200 MiB (force), MB/s", "");
        transfer(lines, byName, "downloadNoForce", "download", "download 200 MiB (no force), MB/s", ">= 0.95");
        pair(lines, byName, "streams", "1,000 streams, ms", 1, "<= 1.1");
        pair(lines, byName, "coldStart", "build + first call, ms", 1, "about 1");
        System.out.println();
        System.out.println("SDK vs raw java.net.http (" + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs)");
        lines.forEach(System.out::println);
    }

    private static void latency(List<String> lines, Map<String, RunResult> byName, double percentile, String aim) {
        double[] sdk =
                perIteration(byName.get("latency_sdk"), r -> r.getStatistics().getPercentile(percentile));
        double[] raw =
                perIteration(byName.get("latency_raw"), r -> r.getStatistics().getPercentile(percentile));
        row(lines, String.format(Locale.ROOT, "latency p%.0f, us", percentile), sdk, raw, aim);
    }

    private static void pair(
            List<String> lines, Map<String, RunResult> byName, String bench, String label, double scale, String aim) {
        double[] sdk = score(byName.get(bench + "_sdk"), scale);
        double[] raw = score(byName.get(bench + "_raw"), scale);
        row(lines, label, sdk, raw, aim);
    }

    private static void transfer(
            List<String> lines,
            Map<String, RunResult> byName,
            String sdkBench,
            String rawBench,
            String label,
            String aim) {
        double[] sdk = score(byName.get(sdkBench + "_sdk"), 1);
        double[] raw = score(byName.get(rawBench + "_raw"), 1);
        row(lines, label, rate(sdk), rate(raw), aim);
    }

    /** Milliseconds per 200 MiB to MB/s, with the error carried over relatively. */
    private static double[] rate(double[] ms) {
        if (ms == null) {
            return null;
        }
        double mbs = MIB200 / (ms[0] / 1000);
        return new double[] {mbs, mbs * ms[1] / ms[0]};
    }

    private static void alloc(List<String> lines, Map<String, RunResult> byName, String bench) {
        double[] sdk = secondary(byName.get(bench + "_sdk"), "gc.alloc.rate.norm");
        double[] raw = secondary(byName.get(bench + "_raw"), "gc.alloc.rate.norm");
        row(lines, "bytes allocated per call (" + bench + ")", sdk, raw, "<= 1.1");
    }

    private static void row(List<String> lines, String label, double[] sdk, double[] raw, String aim) {
        if (sdk == null || raw == null) {
            return;
        }
        double r = sdk[0] / raw[0];
        double error = r * Math.hypot(sdk[1] / sdk[0], raw[1] / raw[0]);
        lines.add(String.format(
                Locale.ROOT,
                "%-34s %11.1f ± %6.1f %11.1f ± %6.1f %6.3f ± %5.3f  %s",
                label,
                sdk[0],
                sdk[1],
                raw[0],
                raw[1],
                r,
                error,
                aim));
    }

    private static double[] score(RunResult r, double scale) {
        if (r == null) {
            return null;
        }
        Result<?> p = r.getPrimaryResult();
        double error = Double.isNaN(p.getScoreError()) ? 0 : p.getScoreError();
        return new double[] {p.getScore() * scale, error * scale};
    }

    private static double[] secondary(RunResult r, String name) {
        if (r == null || !r.getSecondaryResults().containsKey(name)) {
            return null;
        }
        Result<?> s = r.getSecondaryResults().get(name);
        return new double[] {s.getScore(), Double.isNaN(s.getScoreError()) ? 0 : s.getScoreError()};
    }

    private static double[] perIteration(RunResult r, ToDoubleFunction<Result<?>> value) {
        if (r == null) {
            return null;
        }
        ListStatistics stats = new ListStatistics();
        for (BenchmarkResult fork : r.getBenchmarkResults()) {
            for (IterationResult i : fork.getIterationResults()) {
                stats.addValue(value.applyAsDouble(i.getPrimaryResult()));
            }
        }
        double error = stats.getN() > 2 ? stats.getMeanErrorAt(0.999) : 0;
        return new double[] {stats.getMean(), error};
    }
}
