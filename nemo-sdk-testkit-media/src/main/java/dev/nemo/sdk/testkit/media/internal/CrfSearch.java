package dev.nemo.sdk.testkit.media.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plans the encodes of an MP4 size search: constant rate factor first (start at the requested CRF,
 * predict the next one from the size/CRF slope), then down the resolution ladder, and a two-pass
 * bitrate encode at the smallest size only as a last resort. Pure: the caller encodes each
 * {@link Step} and reports its size.
 *
 * <p>The model: the file size falls exponentially with CRF, by about half every 6 steps (the
 * x264 rule of thumb); the slope is re-measured from two attempts at the same size. A smaller
 * rung starts from the size predicted by the pixel ratio.
 */
public final class CrfSearch {

    /** The default slope of ln(size) per CRF step: size halves every 6 steps. */
    static final double DEFAULT_SLOPE = Math.log(2) / 6;
    /** The highest CRF tried before moving down a rung: above it, a smaller picture looks better. */
    static final int MAX_CRF = 30;
    /** The highest CRF tried at the smallest rung before falling back to two passes. */
    static final int MAX_CRF_LAST_RUNG = 38;
    /** Aim this far under the target, since the prediction is approximate. */
    static final double AIM = 0.95;
    /** How size is assumed to scale with the pixel count between rungs. */
    static final double PIXEL_EXPONENT = 0.85;
    /** A rung is tried if its predicted CRF is at most this much above its maximum. */
    static final int RUNG_SLACK = 2;
    /** The lowest two-pass bitrate: libx264 refuses to open below about 8 kb/s. */
    static final long MIN_BITRATE = 20_000;
    /** Two-pass encodes tried at most. */
    static final int MAX_TWO_PASS = 2;

    /** One encode to run. */
    public sealed interface Step permits CrfStep, TwoPassStep {
        /**
         * The rung index into the ladder.
         *
         * @return the rung
         */
        int rung();
    }

    /**
     * Encode at a constant rate factor.
     *
     * @param rung the rung index
     * @param crf the constant rate factor
     */
    public record CrfStep(int rung, int crf) implements Step {}

    /**
     * Encode in two passes at an average bitrate.
     *
     * @param rung the rung index
     * @param bitsPerSecond the bitrate
     */
    public record TwoPassStep(int rung, long bitsPerSecond) implements Step {}

    /**
     * A finished encode.
     *
     * @param step what was encoded
     * @param bytes the size it produced
     */
    public record Result(Step step, long bytes) {}

    private final long target;
    private final int startCrf;
    private final List<Size> rungs;
    private final double durationSeconds;
    private final int maxAttempts;
    private final List<Result> results = new ArrayList<>();
    private boolean done;

    /**
     * Creates a search.
     *
     * @param target the size not to exceed, in bytes
     * @param startCrf the first CRF (the request's, 23 by default)
     * @param rungs the ladder, best first (from {@link FitGeometry#ladder})
     * @param durationSeconds the output duration, for the two-pass bitrate
     * @param maxAttempts the most encodes to run
     */
    public CrfSearch(long target, int startCrf, List<Size> rungs, double durationSeconds, int maxAttempts) {
        if (target <= 0 || rungs.isEmpty() || maxAttempts < 1) {
            throw new IllegalArgumentException("bad search: " + target + " " + rungs + " " + maxAttempts);
        }
        this.target = target;
        this.startCrf = startCrf;
        this.rungs = List.copyOf(rungs);
        this.durationSeconds = Math.max(0.04, durationSeconds);
        this.maxAttempts = maxAttempts;
    }

    /**
     * The next encode to run.
     *
     * @return the step, or empty when the search is over (see {@link #best()})
     */
    public Optional<Step> next() {
        if (done || results.size() >= maxAttempts) {
            return Optional.empty();
        }
        Optional<Step> step = plan();
        if (step.isEmpty() || results.stream().anyMatch(r -> r.step().equals(step.get()))) {
            done = true;
            return Optional.empty();
        }
        return step;
    }

    /**
     * Reports the size an encode produced.
     *
     * @param step the step run
     * @param bytes the size of its output
     */
    public void record(Step step, long bytes) {
        results.add(new Result(step, bytes));
    }

    /**
     * The encode to keep: among those within the target, the largest picture, then the lowest CRF
     * (a CRF encode before a two-pass one); if none is within the target, the smallest file.
     *
     * @return the best result, or empty before any was recorded
     */
    public Optional<Result> best() {
        Optional<Result> fitting = results.stream()
                .filter(r -> r.bytes() <= target)
                .min((a, b) -> {
                    int byRung = Integer.compare(a.step().rung(), b.step().rung());
                    if (byRung != 0) {
                        return byRung;
                    }
                    return Integer.compare(quality(a.step()), quality(b.step()));
                });
        if (fitting.isPresent()) {
            return fitting;
        }
        return results.stream().min((a, b) -> Long.compare(a.bytes(), b.bytes()));
    }

    /**
     * Every result so far, in order.
     *
     * @return the results
     */
    public List<Result> results() {
        return List.copyOf(results);
    }

    private static int quality(Step s) {
        return s instanceof CrfStep c ? c.crf() : Integer.MAX_VALUE;
    }

    private Optional<Step> plan() {
        if (results.isEmpty()) {
            return Optional.of(new CrfStep(0, startCrf));
        }
        Result last = results.get(results.size() - 1);
        if (last.step() instanceof TwoPassStep tp) {
            long twoPasses = results.stream()
                    .filter(r -> r.step() instanceof TwoPassStep)
                    .count();
            if (last.bytes() <= target || twoPasses >= MAX_TWO_PASS) {
                return Optional.empty();
            }
            long bitrate = (long) (tp.bitsPerSecond() * ((double) target / last.bytes()) * 0.9);
            return Optional.of(new TwoPassStep(tp.rung(), Math.max(MIN_BITRATE, bitrate)));
        }
        CrfStep c = (CrfStep) last.step();
        int rung = c.rung();
        if (last.bytes() <= target) {
            return improveWithin(rung, c.crf(), last.bytes());
        }
        // over the target: the lowest CRF above c that fit at this rung bounds the next guess
        int fitAbove = results.stream()
                .filter(r ->
                        r.step() instanceof CrfStep s && s.rung() == rung && s.crf() > c.crf() && r.bytes() <= target)
                .mapToInt(r -> ((CrfStep) r.step()).crf())
                .min()
                .orElse(Integer.MAX_VALUE);
        if (fitAbove == c.crf() + 1) {
            return Optional.empty();
        }
        int predicted = Math.max(c.crf() + 1, predictCrf(c.crf(), last.bytes(), slope(rung)));
        predicted = Math.min(predicted, fitAbove - 1);
        int maxCrf = maxCrf(rung);
        if (predicted <= maxCrf) {
            return Optional.of(new CrfStep(rung, predicted));
        }
        // down the ladder: skip, without encoding, the rungs where the prediction is still far too big
        for (int next = rung + 1; next < rungs.size(); next++) {
            double ratio = (double) rungs.get(next).pixels() / rungs.get(rung).pixels();
            double estimated = last.bytes() * Math.pow(ratio, PIXEL_EXPONENT);
            int crf = Math.max(startCrf, predictCrf(c.crf(), estimated, slope(rung)));
            if (crf <= maxCrf(next) + RUNG_SLACK || next == rungs.size() - 1) {
                return Optional.of(new CrfStep(next, Math.min(crf, maxCrf(next))));
            }
        }
        if (c.crf() < maxCrf) {
            return Optional.of(new CrfStep(rung, maxCrf));
        }
        long bitrate = (long) (target * 8 * 0.92 / durationSeconds);
        return Optional.of(new TwoPassStep(rung, Math.max(MIN_BITRATE, bitrate)));
    }

    /** The last encode fit: try a lower CRF once if there is clear room and no lower CRF failed. */
    private Optional<Step> improveWithin(int rung, int crf, long bytes) {
        if (crf <= startCrf || bytes > target * 0.85) {
            return Optional.empty();
        }
        int failedBelow = results.stream()
                .filter(r -> r.step() instanceof CrfStep s && s.rung() == rung && s.crf() < crf && r.bytes() > target)
                .mapToInt(r -> ((CrfStep) r.step()).crf())
                .max()
                .orElse(Integer.MIN_VALUE);
        int lower = Math.max(Math.max(startCrf, failedBelow + 1), predictCrf(crf, bytes, slope(rung)));
        return lower < crf ? Optional.of(new CrfStep(rung, lower)) : Optional.empty();
    }

    private int predictCrf(int crf, double bytes, double slope) {
        return (int) Math.ceil(crf + (Math.log(bytes) - Math.log(target * AIM)) / slope);
    }

    private double slope(int rung) {
        List<Result> here = results.stream()
                .filter(r -> r.step() instanceof CrfStep s && s.rung() == rung)
                .toList();
        if (here.size() < 2) {
            return DEFAULT_SLOPE;
        }
        Result a = here.get(here.size() - 2);
        Result b = here.get(here.size() - 1);
        int dc = ((CrfStep) b.step()).crf() - ((CrfStep) a.step()).crf();
        if (dc == 0) {
            return DEFAULT_SLOPE;
        }
        double s = (Math.log(a.bytes()) - Math.log(b.bytes())) / dc;
        return Math.max(0.04, Math.min(0.3, s));
    }

    private int maxCrf(int rung) {
        return Math.max(startCrf, rung == rungs.size() - 1 ? MAX_CRF_LAST_RUNG : MAX_CRF);
    }
}
