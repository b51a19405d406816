package dev.nemo.sdk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Real media for tests. The small licence-clean subset in the core test jar ({@code corpus/}, see
 * its {@code PROVENANCE.md}) is always there; the full shared corpus is optional and found through
 * {@code -Dnemo.corpus.dir}, {@code NEMO_CORPUS_DIR}, or a {@code shared/corpus} folder beside the
 * repository. A test that needs a file only the full corpus has is skipped, and the first such skip
 * prints a banner on the build's console.
 */
public final class TestCorpus {
    /** The system property naming the full corpus; {@code none} forces its absence. */
    public static final String PROPERTY = "nemo.corpus.dir";

    /** One row of a {@code SOURCES.tsv}. */
    public record Entry(String file, String category, long bytes, String sha256, Path path) {}

    private TestCorpus() {}

    /** @return the in-repository subset's directory */
    public static Path subset() {
        return TestResources.directory("corpus");
    }

    /** @return the full shared corpus, when this machine has it */
    public static Optional<Path> full() {
        String configured = System.getProperty(PROPERTY, System.getenv("NEMO_CORPUS_DIR"));
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            return Files.isRegularFile(p.resolve("SOURCES.tsv")) ? Optional.of(p.toAbsolutePath()) : Optional.empty();
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int up = 0; dir != null && up < 4; up++, dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/corpus");
            if (Files.isRegularFile(candidate.resolve("SOURCES.tsv"))) {
                return Optional.of(candidate.normalize());
            }
        }
        return Optional.empty();
    }

    /**
     * A corpus file: from the subset when it has it, else from the full corpus; otherwise the test
     * is skipped with the reason (and the banner, once).
     *
     * @param relative e.g. {@code edge/small-gif.gif}
     * @return the file
     */
    public static Path file(String relative) {
        return find(relative, true);
    }

    /**
     * Like {@link #file(String)}, for a test outside the slow media set: its skip is reported on its
     * own line, without the banner (which the media module prints, once).
     *
     * @param relative e.g. {@code cartoon/pillow-iss634.gif}
     * @return the file
     */
    public static Path optionalFile(String relative) {
        return find(relative, false);
    }

    private static Path find(String relative, boolean banner) {
        Path inRepo = subset().resolve(relative);
        if (Files.isRegularFile(inRepo)) {
            return inRepo;
        }
        Optional<Path> full = full().map(d -> d.resolve(relative)).filter(Files::isRegularFile);
        if (full.isEmpty() && banner) {
            MissingCorpusBanner.printOnce();
        }
        Assumptions.assumeTrue(
                full.isPresent(),
                () -> relative + " is only in the full media corpus, which is " + "not on this machine (set -D"
                        + PROPERTY + "=…/shared/corpus)");
        return full.get();
    }

    /**
     * Every file of a folder: the full corpus's when present, else the subset's.
     *
     * @param folder e.g. {@code edge}
     * @return the files, sorted
     */
    public static List<Path> folder(String folder) {
        Path base = full().filter(d -> Files.isDirectory(d.resolve(folder))).orElse(subset());
        if (base.equals(subset()) && full().isEmpty()) {
            MissingCorpusBanner.printOnce();
        }
        Path dir = base.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The rows of the subset's {@code SOURCES.tsv}, plus the full corpus's when it is present.
     *
     * @return the entries, subset first, each file once
     */
    public static List<Entry> entries() {
        Map<String, Entry> out = new LinkedHashMap<>();
        read(subset()).forEach(e -> out.put(e.file(), e));
        full().ifPresent(d -> read(d).forEach(e -> out.putIfAbsent(e.file(), e)));
        return new ArrayList<>(out.values());
    }

    /** @return the rows of the subset's {@code SOURCES.tsv} only */
    public static List<Entry> subsetEntries() {
        return read(subset());
    }

    private static List<Entry> read(Path dir) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("SOURCES.tsv"), StandardCharsets.UTF_8);
            List<String> header = List.of(lines.get(0).split("\t"));
            int file = header.indexOf("file");
            int category = header.indexOf("category");
            int bytes = header.indexOf("bytes");
            int sha = header.indexOf("sha256");
            List<Entry> out = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (!line.isBlank()) {
                    String[] f = line.split("\t", -1);
                    out.add(new Entry(f[file], f[category], Long.parseLong(f[bytes]), f[sha], dir.resolve(f[file])));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
