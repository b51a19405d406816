package dev.nemo.sdk.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared test media ({@code ../../shared/corpus} from the module, described by its
 * {@code README.md} and {@code SOURCES.tsv}). Tests that need it are skipped, with the reason,
 * when it is absent. {@code -Dnemo.corpus.dir=…} or {@code NEMO_CORPUS_DIR} point elsewhere.
 */
final class Corpus {
    /** One row of SOURCES.tsv. */
    record Entry(String file, String category, long bytes, String sha256, Path path) {
    }

    private Corpus() {
    }

    static Optional<Path> find() {
        String configured = System.getProperty("nemo.corpus.dir", System.getenv("NEMO_CORPUS_DIR"));
        if (configured != null && !configured.isBlank()) {
            Path p = Paths.get(configured);
            return Files.isRegularFile(p.resolve("SOURCES.tsv")) ? Optional.of(p) : Optional.empty();
        }
        Path dir = Paths.get("").toAbsolutePath();
        for (int up = 0; dir != null && up < 5; up++, dir = dir.getParent()) {
            for (Path candidate : List.of(dir.resolve("shared/corpus"), dir.resolve("../shared/corpus"))) {
                if (Files.isRegularFile(candidate.resolve("SOURCES.tsv"))) {
                    return Optional.of(candidate.normalize());
                }
            }
        }
        return Optional.empty();
    }

    /** @return the corpus directory; skips the calling test when there is none */
    static Path require() {
        Optional<Path> dir = find();
        Assumptions.assumeTrue(dir.isPresent(), "the shared media corpus (../../shared/corpus with SOURCES.tsv) is "
                + "not available; set -Dnemo.corpus.dir to run this test");
        return dir.get();
    }

    static List<Entry> entries() {
        Path dir = require();
        try {
            List<String> lines = Files.readAllLines(dir.resolve("SOURCES.tsv"), StandardCharsets.UTF_8);
            List<String> header = List.of(lines.get(0).split("\t"));
            int file = header.indexOf("file");
            int category = header.indexOf("category");
            int bytes = header.indexOf("bytes");
            int sha = header.indexOf("sha256");
            List<Entry> out = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                out.add(new Entry(f[file], f[category], Long.parseLong(f[bytes]), f[sha], dir.resolve(f[file])));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
