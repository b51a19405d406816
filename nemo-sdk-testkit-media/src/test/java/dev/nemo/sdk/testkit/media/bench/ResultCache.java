package dev.nemo.sdk.testkit.media.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * Benchmark results that do not depend on the engine, kept on disk so a re-run redoes only the
 * engine side: gifsicle's output size per (source content, gifsicle version, options), and SSIM
 * scores per (source content, output content, meter). One small text file an entry, written
 * atomically, so an interrupted run leaves nothing half-written.
 */
final class ResultCache {

    /** What gifsicle wrote for one set of options: its size and the SHA-256 of its content. */
    record GifsicleOutput(long bytes, String sha256) {}

    private final Path dir;
    private final String meter;

    /**
     * A cache in a directory.
     *
     * @param dir where the entries live (created when missing)
     * @param meter names the SSIM meter's code, so scores of another meter are never reused
     */
    ResultCache(Path dir, String meter) {
        this.dir = dir;
        this.meter = meter;
    }

    /** {@return the directory of the entries} */
    Path dir() {
        return dir;
    }

    /** {@return a gifsicle output recorded before, if any} */
    Optional<GifsicleOutput> gifsicle(String sourceSha, String version, String options) {
        String v = read(gifsicleKey(sourceSha, version, options));
        if (v == null) {
            return Optional.empty();
        }
        String[] parts = v.split(" ");
        return Optional.of(new GifsicleOutput(Long.parseLong(parts[0]), parts[1]));
    }

    /** Records a gifsicle output. */
    void putGifsicle(String sourceSha, String version, String options, GifsicleOutput out) {
        write(gifsicleKey(sourceSha, version, options), out.bytes() + " " + out.sha256());
    }

    /** {@return the wall time of a timed gifsicle pass recorded before and the load average then, if any} */
    Optional<double[]> gifsicleTime(String sourceSha, String version, String options) {
        String v = read("time-" + gifsicleKey(sourceSha, version, options));
        if (v == null) {
            return Optional.empty();
        }
        String[] parts = v.split(" ");
        return Optional.of(new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])});
    }

    /** Records the wall time of a timed gifsicle pass and the load average it ran under. */
    void putGifsicleTime(String sourceSha, String version, String options, double secs, double load) {
        write("time-" + gifsicleKey(sourceSha, version, options), secs + " " + load);
    }

    /** {@return an SSIM measured before of this output against this source, if any} */
    OptionalDouble ssim(String sourceSha, String outputSha) {
        String v = read(ssimKey(sourceSha, outputSha));
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(v));
    }

    /** Records an SSIM. */
    void putSsim(String sourceSha, String outputSha, double ssim) {
        if (!Double.isNaN(ssim)) {
            write(ssimKey(sourceSha, outputSha), Double.toString(ssim));
        }
    }

    private String gifsicleKey(String sourceSha, String version, String options) {
        return "gifsicle-" + sourceSha + "-" + sha256(version + "\n" + options).substring(0, 16);
    }

    private String ssimKey(String sourceSha, String outputSha) {
        return "ssim-" + meter + "-" + sourceSha + "-" + outputSha;
    }

    private @Nullable String read(String key) {
        Path p = dir.resolve(key);
        try {
            return Files.exists(p) ? Files.readString(p).strip() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private void write(String key, String value) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, key, ".tmp");
            Files.writeString(tmp, value);
            Files.move(tmp, dir.resolve(key), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return the SHA-256 of a file's content, in hex} */
    static String sha256(Path file) throws IOException {
        MessageDigest md = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** {@return the SHA-256 of a string's UTF-8 bytes, in hex} */
    static String sha256(String s) {
        return HexFormat.of().formatHex(digest().digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A tag for the code of some classes (their class files' SHA-256, shortened): it changes when
     * any of them is rebuilt from other source.
     *
     * @param anchor a class of the package the classes are in
     * @param simpleNames the classes whose code decides a result (package-private ones too)
     * @return 16 hex digits
     */
    static String codeTag(Class<?> anchor, String... simpleNames) {
        MessageDigest md = digest();
        for (String name : simpleNames) {
            try (InputStream in = anchor.getResourceAsStream(name + ".class")) {
                if (in != null) {
                    md.update(in.readAllBytes());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
