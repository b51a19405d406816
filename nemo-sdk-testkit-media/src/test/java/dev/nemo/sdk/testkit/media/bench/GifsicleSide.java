package dev.nemo.sdk.testkit.media.bench;

import dev.nemo.sdk.testkit.media.MediaLimits;
import dev.nemo.sdk.testkit.media.internal.SsimProbe;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * gifsicle's side of the GIF benchmark, which does not depend on the engine: its outputs and
 * their SSIMs come from the {@link ResultCache} when a run before computed them, so only the
 * timed {@code --lossy=80} pass (timed under the same load as the engine) and the engine's own
 * output cost anything on a re-run.
 */
final class GifsicleSide {

    /** The sweep of the equal-quality comparison: 0 is {@code -O3} without {@code --lossy}. */
    static final int[] SWEEP = {0, 20, 40, 60, 80, 100, 120, 140, 160, 180, 200};

    /** A gifsicle output: its size, its SSIM against the source, and the wall time of the pass (NaN when cached). */
    record Scored(int lossy, long bytes, double ssim, double secs) {}

    private final ResultCache cache;
    private final String version;
    private final MediaLimits limits;
    private final Path work;
    private final Progress progress;
    private final boolean cachedTimes;

    /**
     * The gifsicle side.
     *
     * @param cache the results of runs before
     * @param version gifsicle's version line
     * @param limits the SSIM meter's guards
     * @param work a directory for gifsicle's outputs
     * @param progress where progress lines go
     * @param cachedTimes take the timed pass's wall time from the cache when a run before recorded it
     *     (faster, but that time was measured under that run's load)
     */
    GifsicleSide(
            ResultCache cache, String version, MediaLimits limits, Path work, Progress progress, boolean cachedTimes) {
        this.cachedTimes = cachedTimes;
        this.cache = cache;
        this.version = version;
        this.limits = limits;
        this.work = work;
        this.progress = progress;
    }

    /**
     * The SSIM of any output against its source, from the cache when it has it.
     *
     * @param source the source
     * @param sourceSha its SHA-256
     * @param output the output
     * @return the SSIM, NaN when nothing could be compared
     * @throws IOException if the output cannot be read
     */
    double ssim(Path source, String sourceSha, Path output) throws IOException {
        String outSha = ResultCache.sha256(output);
        OptionalDouble cached = cache.ssim(sourceSha, outSha);
        if (cached.isPresent()) {
            return cached.getAsDouble();
        }
        long t = System.nanoTime();
        double s = SsimProbe.measure(source, output, limits).orElse(Double.NaN);
        progress.step("SSIM of %s: %.4f (%.1f s)", output.getFileName(), s, (System.nanoTime() - t) / 1e9);
        cache.putSsim(sourceSha, outSha, s);
        return s;
    }

    /**
     * Runs gifsicle now and times it (the time ratio's denominator); the SSIM comes from the cache
     * when gifsicle wrote the same bytes before. With cached times, a time recorded before stands in.
     *
     * @param source the source
     * @param sourceSha its SHA-256
     * @param lossy the lossiness, 0 for none
     * @return the output scored, with its wall time
     * @throws IOException if gifsicle fails
     */
    Scored timed(Path source, String sourceSha, int lossy) throws IOException {
        Optional<double[]> time = cache.gifsicleTime(sourceSha, version, options(lossy));
        if (cachedTimes && time.isPresent()) {
            Scored s = at(source, sourceSha, lossy);
            progress.step(
                    "gifsicle %s: %d B, %.2f s from the cache (measured at load average %.1f)",
                    options(lossy), s.bytes(), time.get()[0], time.get()[1]);
            return new Scored(lossy, s.bytes(), s.ssim(), time.get()[0]);
        }
        Path out = work.resolve("gs-" + lossy + ".gif");
        double secs = Gifsicle.optimize(source, out, lossy);
        cache.putGifsicleTime(
                sourceSha,
                version,
                options(lossy),
                secs,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        progress.step("gifsicle %s: %d B in %.2f s", options(lossy), Files.size(out), secs);
        return record(source, sourceSha, lossy, out, secs);
    }

    /**
     * gifsicle's output at one lossiness, untimed: from the cache, or run and scored once.
     *
     * @param source the source
     * @param sourceSha its SHA-256
     * @param lossy the lossiness, 0 for none
     * @return the output scored (secs NaN)
     * @throws IOException if gifsicle fails
     */
    Scored at(Path source, String sourceSha, int lossy) throws IOException {
        Optional<ResultCache.GifsicleOutput> known = cache.gifsicle(sourceSha, version, options(lossy));
        if (known.isPresent()) {
            OptionalDouble s = cache.ssim(sourceSha, known.get().sha256());
            if (s.isPresent()) {
                return new Scored(lossy, known.get().bytes(), s.getAsDouble(), Double.NaN);
            }
        }
        Path out = work.resolve("gs-" + lossy + ".gif");
        double secs = Gifsicle.optimize(source, out, lossy);
        progress.step("gifsicle %s: %d B in %.2f s (sweep)", options(lossy), Files.size(out), secs);
        Scored s = record(source, sourceSha, lossy, out, secs);
        return new Scored(lossy, s.bytes(), s.ssim(), Double.NaN);
    }

    /**
     * gifsicle's smallest output with an SSIM at least {@code floor}: SSIM falls as the lossiness
     * rises, so a binary search over {@link #SWEEP} finds the largest lossiness that still reaches
     * it. When none does, {@code -O3} without loss stands in, with lossy -1.
     *
     * @param source the source
     * @param sourceSha its SHA-256
     * @param floor the SSIM to reach
     * @return the output found
     * @throws IOException if gifsicle fails
     */
    Scored smallestAtLeast(Path source, String sourceSha, double floor) throws IOException {
        int lo = 0;
        int hi = SWEEP.length - 1;
        Scored best = null;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Scored s = at(source, sourceSha, SWEEP[mid]);
            if (s.ssim() >= floor) {
                best = s;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (best == null) {
            Scored lossless = at(source, sourceSha, 0);
            return new Scored(-1, lossless.bytes(), lossless.ssim(), Double.NaN);
        }
        return best;
    }

    private Scored record(Path source, String sourceSha, int lossy, Path out, double secs) throws IOException {
        String outSha = ResultCache.sha256(out);
        cache.putGifsicle(sourceSha, version, options(lossy), new ResultCache.GifsicleOutput(Files.size(out), outSha));
        return new Scored(lossy, Files.size(out), ssim(source, sourceSha, out), secs);
    }

    private static String options(int lossy) {
        return lossy > 0 ? String.format(Locale.ROOT, "-O3 --lossy=%d", lossy) : "-O3";
    }
}
