package dev.nemo.sdk.testkit.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What a render produced and how: sizes, geometry, timing, the attempts of a size search, and the
 * quality measured against the source.
 *
 * <p>For a one-line summary to print ({@code 3.6 MB -> 412 KB (9.1x smaller), SSIM 0.962, ...}) use
 * {@link #summary()}; the values are {@link #inputBytes()}, {@link #outputBytes()},
 * {@link #compressionRatio()} and {@link #ssim()}.
 *
 * @param source the file rendered
 * @param output the file written
 * @param format the output type
 * @param inputBytes size of the source
 * @param outputBytes size of the output
 * @param width output width
 * @param height output height
 * @param frames frames in the output
 * @param duration duration of the output (the sum of its frame durations)
 * @param attempts every encode tried, in order; the last one that met the target (or the smallest) was kept
 * @param finalCrf the constant rate factor of the kept MP4 encode, empty for GIF or a two-pass encode
 * @param targetSizeBytes the size target, if the request had one
 * @param targetMet whether the output is within the target at a watchable quality (true without a
 *     target; false for a GIF that reached the size only below SSIM 0.80, which {@link #notes()} then says)
 * @param ssim the structural similarity to the source (0..1, 1 is identical), measured with FFmpeg's
 *     {@code ssim} filter at the resolution the request's box gives the source, if measured
 * @param renderTime wall-clock time of the whole render, SSIM included
 * @param notes things the caller should know (a title skipped for want of a font, audio not carried over)
 * @param alreadyOptimal true when no setting made a file smaller than the source, so the source itself
 *     was returned (a compress request never returns a larger file); {@link #notes()} then says so
 */
public record RenderReport(
        Path source,
        Path output,
        OutputFormat format,
        long inputBytes,
        long outputBytes,
        int width,
        int height,
        int frames,
        Duration duration,
        List<RenderAttempt> attempts,
        OptionalInt finalCrf,
        OptionalLong targetSizeBytes,
        boolean targetMet,
        OptionalDouble ssim,
        Duration renderTime,
        List<String> notes,
        boolean alreadyOptimal) {

    /** Copies the lists and checks for nulls. */
    public RenderReport {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(duration, "duration");
        attempts = List.copyOf(attempts);
        Objects.requireNonNull(finalCrf, "finalCrf");
        Objects.requireNonNull(targetSizeBytes, "targetSizeBytes");
        Objects.requireNonNull(ssim, "ssim");
        Objects.requireNonNull(renderTime, "renderTime");
        notes = List.copyOf(notes);
    }

    /**
     * How many times smaller the output is than the source ({@code inputBytes / outputBytes}).
     *
     * @return the ratio, above 1 when the output is smaller
     */
    public double compressionRatio() {
        return outputBytes == 0 ? Double.POSITIVE_INFINITY : (double) inputBytes / outputBytes;
    }

    /**
     * The share of the source's size saved, in percent (negative when the output is larger).
     *
     * @return {@code 100 * (1 - outputBytes / inputBytes)}
     */
    public double savedPercent() {
        return inputBytes == 0 ? 0 : 100.0 * (1 - (double) outputBytes / inputBytes);
    }

    /**
     * A one-line, human-readable summary, for example
     * {@code "3.6 MB -> 412 KB (9.1x smaller), SSIM 0.962, MP4 1152x624, 32.1 s, CRF 27 after 3 attempts"}.
     *
     * @return the summary
     */
    public String summary() {
        StringBuilder s = new StringBuilder()
                .append(humanBytes(inputBytes))
                .append(" -> ")
                .append(humanBytes(outputBytes))
                .append(String.format(Locale.ROOT, " (%.1fx smaller)", compressionRatio()));
        ssim.ifPresent(v -> s.append(String.format(Locale.ROOT, ", SSIM %.3f", v)));
        s.append(", ")
                .append(format)
                .append(' ')
                .append(width)
                .append('x')
                .append(height)
                .append(String.format(Locale.ROOT, ", %.1f s", duration.toMillis() / 1000.0));
        finalCrf.ifPresent(c -> s.append(", CRF ").append(c));
        if (attempts.size() > 1) {
            s.append(" after ").append(attempts.size()).append(" attempts");
        }
        targetSizeBytes.ifPresent(t -> s.append(targetPhrase(t)));
        if (alreadyOptimal) {
            s.append(", already optimal (the input is returned unchanged)");
        }
        return s.toString();
    }

    private String targetPhrase(long target) {
        if (targetMet) {
            return ", under " + humanBytes(target);
        }
        if (outputBytes <= target) {
            return ", target of " + humanBytes(target) + " NOT met: reached only below a watchable quality";
        }
        return ", OVER the target of " + humanBytes(target);
    }

    /**
     * Formats a byte count the way people read it: {@code 980 B}, {@code 412 KB}, {@code 3.6 MB}
     * (powers of 1000).
     *
     * @param bytes the count
     * @return the formatted size
     */
    public static String humanBytes(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        if (bytes < 1_000_000) {
            return String.format(Locale.ROOT, "%.0f KB", bytes / 1000.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
