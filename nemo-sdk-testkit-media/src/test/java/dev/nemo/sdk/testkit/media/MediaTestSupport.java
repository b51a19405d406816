package dev.nemo.sdk.testkit.media;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nemo.sdk.testing.TestCorpus;
import java.nio.file.Path;
import java.util.List;

/** Test support: native availability, the shared corpus, and the test engine. */
public final class MediaTestSupport {

    /** Set to {@code true} to run the corpus-wide checks over every file instead of the subset. */
    public static final String FULL_CORPUS_PROPERTY = "nemo.media.fullCorpus";

    private MediaTestSupport() {}

    /** Skips the test, with the reason, when FFmpeg's natives cannot load on this machine. */
    public static void assumeNatives() {
        MediaEngine.Availability a = MediaEngine.availability();
        assumeTrue(a.available(), () -> "FFmpeg natives unavailable on this machine: " + a.description());
    }

    /**
     * A corpus file: from the in-repository subset when it has it, else from the optional full
     * corpus; skips the test, with the reason, when neither has it.
     *
     * @param relative the path inside the corpus, e.g. {@code cartoon/pillow-iss634.gif}
     * @return the file
     */
    public static Path corpusFile(String relative) {
        return TestCorpus.file(relative);
    }

    /**
     * Every file of a corpus folder: the full corpus's when present, else the subset's.
     *
     * @param folder e.g. {@code edge}
     * @return the files, sorted
     */
    public static List<Path> corpusFolder(String folder) {
        return TestCorpus.folder(folder);
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
