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
 * <p>gifsicle's side does not depend on the engine: its sweep outputs and every SSIM are cached
 * on disk ({@link ResultCache}, in {@code target/gif-benchmark-cache} or {@code -Dnemo.bench.cache=DIR})
 * by content hash, gifsicle version and options, so a re-run redoes only the engine's render and
 * score and the timed {@code --lossy=80} pass (timed again so both tools run under the same load).
 * Files run one after another: parallel runs would distort the time ratios. With
 * {@code --cached-gifsicle-times} the timed pass is not rerun either when a run before recorded its
 * time (with the load average it ran under, which the progress line prints).
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

    /** The directory of the cached gifsicle results and SSIMs ({@code target/gif-benchmark-cache} by default). */
    private static final String CACHE_PROPERTY = "nemo.bench.cache";

    /** Takes gifsicle's {@code --lossy=80} time from the cache too (measured under another run's load). */
    private static final String CACHED_TIMES = "--cached-gifsicle-times";

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
     * @param args {@code --cached-gifsicle-times} (optional), then corpus-relative or absolute GIFs; none =
     *     every GIF of the corpus ({@code edge/} ones are reported as refused or rendered, outside the medians)
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
        boolean cachedTimes = List.of(args).contains(CACHED_TIMES);
        List<Path> files = files(
                List.of(args).stream().filter(a -> !a.equals(CACHED_TIMES)).toArray(String[]::new));
        Path work = Files.createTempDirectory("gif-bench-");
        ResultCache cache = new ResultCache(
                Path.of(System.getProperty(CACHE_PROPERTY, "target/gif-benchmark-cache")),
                ResultCache.codeTag(SsimProbe.class, "SsimProbe", "SsimMeter"));
        Progress progress = new Progress();
        GifsicleSide gs = new GifsicleSide(cache, gifsicle, LIMITS, work, progress, cachedTimes);
        long corpusFiles = files.stream().filter(f -> !isEdge(f)).count();
        System.out.printf(
                Locale.ROOT,
                "%d GIFs in the medians, %d edge cases apart; gifsicle results cached in %s%n",
                corpusFiles,
                files.size() - corpusFiles,
                cache.dir().toAbsolutePath().normalize());
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        List<Row> rows = new ArrayList<>();
        List<String> edge = new ArrayList<>();
        try (MediaEngine engine = MediaEngine.builder().limits(LIMITS).build()) {
            for (int i = 0; i < files.size(); i++) {
                Path f = files.get(i);
                progress.file(i + 1, files.size(), f.getFileName().toString());
                if (isEdge(f)) {
                    edge.add(edge(engine, f, work));
                    progress.step("%s", edge.get(edge.size() - 1));
                    continue;
                }
                Row r = run(engine, gs, f, work, progress);
                rows.add(r);
                progress.step("%s", line(r));
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

    private static boolean isEdge(Path f) {
        return f.getParent() != null && f.getParent().endsWith("edge");
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

    private static Row run(MediaEngine engine, GifsicleSide gs, Path f, Path work, Progress progress)
            throws IOException {
        long in = Files.size(f);
        String sha = ResultCache.sha256(f);
        Path mine = work.resolve("engine.gif");
        long t = System.nanoTime();
        RenderReport r = engine.render(RenderRequest.builder(f, mine)
                .format(OutputFormat.GIF)
                .maxSize(RenderRequest.LARGEST_SIDE, RenderRequest.LARGEST_SHORT_SIDE)
                .measureSsim(false)
                .build());
        double secs = (System.nanoTime() - t) / 1e9;
        progress.step("engine: %d B in %.2f s%s", r.outputBytes(), secs, r.alreadyOptimal() ? ", already optimal" : "");
        double ssim = gs.ssim(f, sha, mine);
        GifsicleSide.Scored g80 = gs.timed(f, sha, 80);
        GifsicleSide.Scored eq = gs.smallestAtLeast(f, sha, ssim);
        return new Row(
                f.getFileName().toString(),
                in,
                r.outputBytes(),
                ssim,
                secs,
                g80.bytes(),
                g80.ssim(),
                g80.secs(),
                eq.bytes(),
                eq.lossy(),
                eq.ssim());
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
