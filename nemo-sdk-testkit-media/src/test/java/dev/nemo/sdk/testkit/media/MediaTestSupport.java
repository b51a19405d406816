package dev.nemo.sdk.testkit.media;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Test support: native availability, the shared corpus, and the test engine. */
public final class MediaTestSupport {

    /** Set to {@code true} to run the corpus-wide checks over every file instead of the subset. */
    public static final String FULL_CORPUS_PROPERTY = "nemo.media.fullCorpus";
    /** Overrides where the corpus is (default {@code ../../shared/corpus}, then {@code ../shared/corpus}). */
    public static final String CORPUS_PROPERTY = "nemo.corpus.dir";

    private MediaTestSupport() {
    }

    /** Skips the test, with the reason, when FFmpeg's natives cannot load on this machine. */
    public static void assumeNatives() {
        MediaEngine.Availability a = MediaEngine.availability();
        assumeTrue(a.available(), () -> "FFmpeg natives unavailable on this machine: " + a.description());
    }

    /**
     * The shared corpus, resolved from the module directory.
     *
     * @return the corpus directory, if present
     */
    public static Optional<Path> corpus() {
        String configured = System.getProperty(CORPUS_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            return Files.isDirectory(p) ? Optional.of(p.toAbsolutePath().normalize()) : Optional.empty();
        }
        Path here = Path.of("").toAbsolutePath();
        for (String rel : List.of("../../shared/corpus", "../shared/corpus", "shared/corpus")) {
            Path p = here.resolve(rel).normalize();
            if (Files.isDirectory(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * A corpus file; skips the test when the corpus or the file is absent.
     *
     * @param relative the path inside the corpus, e.g. {@code cartoon/pillow-iss634.gif}
     * @return the file
     */
    public static Path corpusFile(String relative) {
        Optional<Path> c = corpus();
        assumeTrue(c.isPresent(), "the shared corpus (../../shared/corpus) is not present");
        Path p = c.get().resolve(relative);
        assumeTrue(Files.isRegularFile(p), () -> "corpus file missing: " + p);
        return p;
    }

    /**
     * Every file of a corpus folder.
     *
     * @param folder e.g. {@code edge}
     * @return the files, sorted; empty when the corpus is absent
     */
    public static List<Path> corpusFolder(String folder) {
        Optional<Path> c = corpus();
        if (c.isEmpty() || !Files.isDirectory(c.get().resolve(folder))) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(c.get().resolve(folder))) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether the full corpus was asked for.
     *
     * @return true with {@code -Dnemo.media.fullCorpus=true}
     */
    public static boolean fullCorpus() {
        return Boolean.getBoolean(FULL_CORPUS_PROPERTY);
    }

    /**
     * An engine for tests: the default limits, x264 {@code veryfast} so the suite stays quick on
     * two busy cores (the search and the pipeline are the same as with the default preset).
     *
     * @return a new engine; close it
     */
    public static MediaEngine testEngine() {
        return MediaEngine.builder().x264Preset("veryfast").build();
    }
}
