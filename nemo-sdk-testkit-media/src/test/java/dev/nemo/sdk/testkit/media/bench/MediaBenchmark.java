package dev.nemo.sdk.testkit.media.bench;

import dev.nemo.sdk.testkit.media.MediaEngine;
import dev.nemo.sdk.testkit.media.MediaException;
import dev.nemo.sdk.testkit.media.OutputFormat;
import dev.nemo.sdk.testkit.media.RenderReport;
import dev.nemo.sdk.testkit.media.RenderRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Benchmark over the shared corpus (not run by {@code verify}): for every GIF, APNG, MP4 and WebM,
 * the compression ratio, SSIM and time of an MP4 at CRF 23, an MP4 under a 500 KB target, and a
 * GIF. Writes a Markdown table to {@code target/media-benchmark.md} and prints it.
 *
 * <pre>
 * ./mvnw -q -pl nemo-sdk-testkit-media test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp nemo-sdk-testkit-media/target/classes:nemo-sdk-testkit-media/target/test-classes:$(cat nemo-sdk-testkit-media/target/cp.txt) \
 *     dev.nemo.sdk.testkit.media.bench.MediaBenchmark [--preset medium] [--target 500000] [file-or-corpus-relative-path...]
 * </pre>
 * Run from the module directory so the corpus resolves ({@code ../../shared/corpus}), or pass
 * {@code -Dnemo.corpus.dir=...}.
 */
public final class MediaBenchmark {

    private MediaBenchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param args {@code --preset P}, {@code --target BYTES}, {@code --no-gif}, then files (corpus-relative or absolute); none = whole corpus
     * @throws IOException if the output cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        String preset = "medium";
        long target = 500_000;
        boolean gif = true;
        List<Path> files = new ArrayList<>();
        Path corpus = dev.nemo.sdk.testing.TestCorpus.full().orElse(null);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--preset" -> preset = args[++i];
                case "--target" -> target = Long.parseLong(args[++i]);
                case "--no-gif" -> gif = false;
                default -> {
                    Path p = Path.of(args[i]);
                    files.add(p.isAbsolute() || corpus == null ? p : corpus.resolve(args[i]));
                }
            }
        }
        if (files.isEmpty()) {
            if (corpus == null) {
                System.err.println("no corpus found: pass files or -Dnemo.corpus.dir");
                System.exit(2);
            }
            try (Stream<Path> s = Files.walk(corpus)) {
                s.filter(Files::isRegularFile)
                        .filter(p -> p.toString().matches(".*\\.(gif|apng|mp4|webm)$"))
                        .filter(p -> !p.toString().contains("/edge/"))
                        .sorted()
                        .forEach(files::add);
            }
        }
        MediaEngine.Availability a = MediaEngine.availability();
        if (!a.available()) {
            System.err.println("FFmpeg natives unavailable: " + a.description());
            System.exit(2);
        }
        Path work = Files.createTempDirectory("nemo-media-bench-");
        StringBuilder md = new StringBuilder();
        md.append("Engine: ")
                .append(a.description())
                .append(", x264 preset ")
                .append(preset)
                .append(", 2 encoder threads, ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores.\n\n");
        md.append("| file | source | MP4 CRF 23: size, ratio, SSIM, time | MP4 under ")
                .append(RenderReport.humanBytes(target))
                .append(": size, ratio, SSIM, time, attempts, CRF, size | GIF: size, ratio, SSIM, time |\n");
        md.append("|---|---|---|---|---|\n");
        try (MediaEngine engine = MediaEngine.builder().x264Preset(preset).build()) {
            for (Path f : files) {
                String name = corpus != null && f.startsWith(corpus)
                        ? corpus.relativize(f).toString()
                        : f.getFileName().toString();
                String crf = cell(
                        engine,
                        RenderRequest.builder(f, work.resolve("crf.mp4")).build(),
                        false);
                String sized = cell(
                        engine,
                        RenderRequest.builder(f, work.resolve("sized.mp4"))
                                .targetSizeBytes(target)
                                .build(),
                        true);
                String gifCell = gif
                        ? cell(
                                engine,
                                RenderRequest.builder(f, work.resolve("out.gif"))
                                        .format(OutputFormat.GIF)
                                        .build(),
                                false)
                        : "—";
                String row = "| " + name + " | " + RenderReport.humanBytes(Files.size(f)) + " | " + crf + " | " + sized
                        + " | " + gifCell + " |";
                System.out.println(row);
                md.append(row).append('\n');
            }
        }
        Path out = Path.of("target", "media-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
        System.out.println();
        System.out.println(md);
    }

    private static String cell(MediaEngine engine, RenderRequest request, boolean search) {
        try {
            RenderReport r = engine.render(request);
            String s = String.format(
                    Locale.ROOT,
                    "%s, %.1fx, %s, %.1f s",
                    RenderReport.humanBytes(r.outputBytes()),
                    r.compressionRatio(),
                    r.ssim().isPresent()
                            ? String.format(Locale.ROOT, "%.3f", r.ssim().getAsDouble())
                            : "n/a",
                    r.renderTime().toMillis() / 1000.0);
            if (search) {
                s += ", " + r.attempts().size() + ", "
                        + (r.finalCrf().isPresent() ? r.finalCrf().getAsInt() : "2-pass") + ", " + r.width() + "x"
                        + r.height() + (r.targetMet() ? "" : " (OVER)");
            }
            return s;
        } catch (MediaException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage().replace('|', '/');
        }
    }
}
