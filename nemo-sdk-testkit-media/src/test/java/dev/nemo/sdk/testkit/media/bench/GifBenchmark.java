package dev.nemo.sdk.testkit.media.bench;

import dev.nemo.sdk.testkit.media.MediaEngine;
import dev.nemo.sdk.testkit.media.MediaException;
import dev.nemo.sdk.testkit.media.MediaLimits;
import dev.nemo.sdk.testkit.media.OutputFormat;
import dev.nemo.sdk.testkit.media.RenderReport;
import dev.nemo.sdk.testkit.media.RenderRequest;
import dev.nemo.sdk.testkit.media.internal.SsimProbe;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * GIF in, GIF out: the engine against {@code gifsicle -O3 --lossy=80} on the corpus GIFs (not run
 * by {@code verify}). Per file and as medians: input size, output size, SSIM (the engine's own
 * meter for every file, so the scores compare), time, and the ratios to gifsicle; also the size
 * ratio to gifsicle's smallest output ({@code -O3}, {@code --lossy} 0, 20 .. 200) whose SSIM is at
 * least the engine's. Prints a skip message and exits when gifsicle is not installed. Writes
 * {@code target/gif-benchmark.md}.
 *
 * <pre>
 * apt-get install -y gifsicle          # Debian/Ubuntu
 * ./mvnw -q -pl nemo-sdk-testkit-media -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * cd nemo-sdk-testkit-media
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     dev.nemo.sdk.testkit.media.bench.GifBenchmark [corpus-relative GIFs...]
 * </pre>
 */
public final class GifBenchmark {

    /** The default limits with an hour per render: a loaded machine must not cut a large file short. */
    private static final MediaLimits LIMITS = MediaLimits.DEFAULT.withMaxRenderTime(java.time.Duration.ofHours(1));

    private static final int[] SWEEP = {0, 20, 40, 60, 80, 100, 120, 140, 160, 180, 200};

    private GifBenchmark() {}

    /** One file's results. */
    private record Row(
            String name,
            long in,
            long out,
            double ssim,
            double secs,
            long gs,
            double gsSsim,
            double gsSecs,
            long gsEq,
            int gsEqLossy,
            double gsEqSsim) {}

    /**
     * Runs the benchmark.
     *
     * @param args corpus-relative or absolute GIFs; none = every GIF of the corpus ({@code edge/} ones are
     *     reported as refused or rendered, outside the medians)
     * @throws IOException if a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        String gifsicle = Gifsicle.version();
        if (gifsicle == null) {
            System.out.println("GIF benchmark skipped: gifsicle is not installed (apt-get install -y gifsicle)");
            return;
        }
        if (!MediaEngine.availability().available()) {
            System.out.println(
                    "GIF benchmark skipped: " + MediaEngine.availability().description());
            return;
        }
        List<Path> files = files(args);
        Path work = Files.createTempDirectory("gif-bench-");
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        List<Row> rows = new ArrayList<>();
        List<String> edge = new ArrayList<>();
        try (MediaEngine engine = MediaEngine.builder().limits(LIMITS).build()) {
            for (Path f : files) {
                if (f.getParent() != null && f.getParent().endsWith("edge")) {
                    edge.add(edge(engine, f, work));
                    System.out.println(edge.get(edge.size() - 1));
                    continue;
                }
                Row r = run(engine, f, work);
                rows.add(r);
                System.out.println(line(r));
            }
        }
        String md = report(rows, gifsicle)
                + edgeReport(edge)
                + String.format(
                        Locale.ROOT,
                        "%nMachine: %d processors, load average %.1f before and %.1f after; %s %s.%n",
                        Runtime.getRuntime().availableProcessors(),
                        loadBefore,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                        System.getProperty("java.vm.name"),
                        System.getProperty("java.version"));
        Path out = Path.of("target", "gif-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
        System.out.println();
        System.out.println(md);
    }

    private static List<Path> files(String[] args) throws IOException {
        Path corpus = dev.nemo.sdk.testing.TestCorpus.full().orElse(null);
        List<Path> files = new ArrayList<>();
        for (String a : args) {
            Path p = Path.of(a);
            files.add(p.isAbsolute() || corpus == null ? p : corpus.resolve(a));
        }
        if (files.isEmpty() && corpus != null) {
            try (Stream<Path> s = Files.walk(corpus)) {
                s.filter(p -> p.toString().endsWith(".gif")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    /** An edge-case file: refused with a reason, or rendered (never larger than its input). */
    private static String edge(MediaEngine engine, Path f, Path work) throws IOException {
        Path out = work.resolve("edge.gif");
        try {
            RenderReport r = engine.render(RenderRequest.builder(f, out)
                    .format(OutputFormat.GIF)
                    .maxSize(RenderRequest.LARGEST_SIDE, RenderRequest.LARGEST_SHORT_SIDE)
                    .measureSsim(false)
                    .build());
            return String.format(
                    Locale.ROOT,
                    "| %s | %d B | rendered: %d B, %d frames%s |",
                    f.getFileName(),
                    Files.size(f),
                    r.outputBytes(),
                    r.frames(),
                    r.alreadyOptimal() ? ", already optimal" : "");
        } catch (MediaException e) {
            return String.format(
                    Locale.ROOT,
                    "| %s | %d B | refused: %s: %s |",
                    f.getFileName(),
                    Files.size(f),
                    e.getClass().getSimpleName(),
                    e.getMessage().replace('|', '/').lines().findFirst().orElse(""));
        }
    }

    private static String edgeReport(List<String> edge) {
        if (edge.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder(
                "\nEdge cases (corpus edge/, not in the medians):\n\n| file | in | result |\n|---|---|---|\n");
        edge.forEach(e -> s.append(e).append('\n'));
        return s.toString();
    }

    private static Row run(MediaEngine engine, Path f, Path work) throws IOException {
        long in = Files.size(f);
        Path mine = work.resolve("engine.gif");
        long t = System.nanoTime();
        RenderReport r = engine.render(RenderRequest.builder(f, mine)
                .format(OutputFormat.GIF)
                .maxSize(RenderRequest.LARGEST_SIDE, RenderRequest.LARGEST_SHORT_SIDE)
                .measureSsim(false)
                .build());
        double secs = (System.nanoTime() - t) / 1e9;
        double ssim = ssim(f, mine);
        Path gs = work.resolve("gs80.gif");
        double gsSecs = Gifsicle.optimize(f, gs, 80);
        double gsSsim = ssim(f, gs);
        long[] eq = equalQuality(f, work, ssim);
        return new Row(
                f.getFileName().toString(),
                in,
                r.outputBytes(),
                ssim,
                secs,
                Files.size(gs),
                gsSsim,
                gsSecs,
                eq[0],
                (int) eq[1],
                Double.longBitsToDouble(eq[2]));
    }

    /**
     * gifsicle's smallest output with an SSIM at least {@code floor}: SSIM falls as the lossiness
     * rises, so a binary search over the sweep finds the largest lossiness that still reaches it.
     * When none does, the best gifsicle can do ({@code -O3} without loss) stands in.
     */
    private static long[] equalQuality(Path f, Path work, double floor) throws IOException {
        int lo = 0;
        int hi = SWEEP.length - 1;
        int best = -1;
        long bestBytes = 0;
        double bestSsim = 0;
        double[] cache = new double[SWEEP.length];
        long[] sizes = new long[SWEEP.length];
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Path out = work.resolve("gs-" + SWEEP[mid] + ".gif");
            Gifsicle.optimize(f, out, SWEEP[mid]);
            sizes[mid] = Files.size(out);
            cache[mid] = ssim(f, out);
            if (cache[mid] >= floor) {
                best = mid;
                bestBytes = sizes[mid];
                bestSsim = cache[mid];
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (best < 0) {
            Path out = work.resolve("gs-0.gif");
            if (sizes[0] == 0) {
                Gifsicle.optimize(f, out, 0);
                sizes[0] = Files.size(out);
                cache[0] = ssim(f, out);
            }
            return new long[] {sizes[0], -1, Double.doubleToLongBits(cache[0])};
        }
        return new long[] {bestBytes, SWEEP[best], Double.doubleToLongBits(bestSsim)};
    }

    private static double ssim(Path source, Path output) {
        return SsimProbe.measure(source, output, LIMITS).orElse(Double.NaN);
    }

    private static String line(Row r) {
        return String.format(
                Locale.ROOT,
                "| %s | %d | %d | %.4f | %.2f | %d | %.4f | %.2f | %.2f | %.2f | %d (%s, %.4f) | %.2f |",
                r.name(),
                r.in() / 1000,
                r.out() / 1000,
                r.ssim(),
                r.secs(),
                r.gs() / 1000,
                r.gsSsim(),
                r.gsSecs(),
                (double) r.out() / r.gs(),
                r.secs() / r.gsSecs(),
                r.gsEq() / 1000,
                r.gsEqLossy() < 0 ? "none reaches it" : r.gsEqLossy() == 0 ? "-O3" : "lossy " + r.gsEqLossy(),
                r.gsEqSsim(),
                (double) r.out() / r.gsEq());
    }

    private static String report(List<Row> rows, String gifsicle) {
        StringBuilder s = new StringBuilder("# GIF benchmark: engine vs ")
                .append(gifsicle)
                .append("\n\n")
                .append("| file | in KB | engine KB | engine SSIM | engine s | gifsicle-80 KB | gifsicle-80 SSIM "
                        + "| gifsicle-80 s | size / gifsicle-80 | time / gifsicle-80 "
                        + "| gifsicle smallest with SSIM >= engine's KB | size / that |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        rows.forEach(r -> s.append(line(r)).append('\n'));
        s.append(String.format(
                Locale.ROOT,
                "| **median** | %.0f | %.0f | %.4f | %.2f | %.0f | %.4f | %.2f | %.2f | %.2f | | %.2f |%n",
                median(rows, r -> r.in() / 1000.0),
                median(rows, r -> r.out() / 1000.0),
                median(rows, Row::ssim),
                median(rows, Row::secs),
                median(rows, r -> r.gs() / 1000.0),
                median(rows, Row::gsSsim),
                median(rows, Row::gsSecs),
                median(rows, r -> (double) r.out() / r.gs()),
                median(rows, r -> r.secs() / r.gsSecs()),
                median(rows, r -> (double) r.out() / r.gsEq())));
        long larger = rows.stream().filter(r -> r.out() > r.in()).count();
        List<Row> slow = rows.stream().filter(r -> r.gsSecs() > 0.5).toList();
        s.append("\nOutputs larger than their input: ")
                .append(larger)
                .append(" of ")
                .append(rows.size())
                .append(".\n");
        if (!slow.isEmpty()) {
            s.append(String.format(
                    Locale.ROOT,
                    "Median time / gifsicle-80 on the %d files where gifsicle needs more than 0.5 s: %.2f.%n",
                    slow.size(),
                    median(slow, r -> r.secs() / r.gsSecs())));
        }
        return s.toString();
    }

    private static double median(List<Row> rows, java.util.function.ToDoubleFunction<Row> f) {
        double[] v = rows.stream().mapToDouble(f).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
