package dev.nemo.sdk.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One measure of the paired run: per round, the SDK's value and the raw side's value taken back to
 * back in the same JVM. The SDK/raw ratio is estimated as the geometric mean of the per-round ratios,
 * with a 95% percentile-bootstrap confidence interval; drift of the machine between rounds (other
 * processes, frequency, GC state) then cancels, because both sides of a round share it.
 */
final class PairedMeasure {
    private static final int RESAMPLES = 10_000;

    private final String label;
    private final Aim aim;
    private final List<double[]> rounds = new ArrayList<>();

    PairedMeasure(String label, Aim aim) {
        this.label = label;
        this.aim = aim;
    }

    /**
     * Adds one round.
     *
     * @param sdk the SDK's value
     * @param raw the raw side's value, taken right before or after
     */
    void add(double sdk, double raw) {
        rounds.add(new double[] {sdk, raw});
    }

    /** {@return the table row: medians of each side, ratio with its interval, aim and verdict} */
    String row() {
        if (rounds.isEmpty()) {
            return String.format(Locale.ROOT, "%-38s (not measured)", label);
        }
        double[] logRatios =
                rounds.stream().mapToDouble(r -> Math.log(r[0] / r[1])).toArray();
        double ratio = Math.exp(mean(logRatios));
        double[] interval = bootstrap(logRatios);
        return String.format(
                Locale.ROOT,
                "%-38s %12.1f %12.1f %7.3f [%5.3f, %5.3f] %3d  %-8s %s",
                label,
                median(0),
                median(1),
                ratio,
                interval[0],
                interval[1],
                rounds.size(),
                aim.text(),
                aim.verdict(ratio, interval[0], interval[1]));
    }

    /** {@return the header line matching {@link #row()}} */
    static String header() {
        return String.format(
                Locale.ROOT,
                "%-38s %12s %12s %22s %3s  %-8s %s",
                "measure (medians of rounds)",
                "SDK",
                "raw",
                "SDK/raw [95% CI]",
                "n",
                "aim",
                "verdict");
    }

    private double median(int side) {
        double[] values = rounds.stream().mapToDouble(r -> r[side]).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** The 2.5th and 97.5th percentiles of the geometric mean over resampled rounds. */
    private static double[] bootstrap(double[] logRatios) {
        SplittableRandom random = new SplittableRandom(42);
        double[] means = new double[RESAMPLES];
        int n = logRatios.length;
        for (int b = 0; b < RESAMPLES; b++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += logRatios[random.nextInt(n)];
            }
            means[b] = sum / n;
        }
        Arrays.sort(means);
        return new double[] {Math.exp(means[(int) (RESAMPLES * 0.025)]), Math.exp(means[(int) (RESAMPLES * 0.975) - 1])
        };
    }

    /** The aim of issue 15 for one measure, if any. */
    record Aim(String text, double bound, boolean atMost) {
        static final Aim NONE = new Aim("", Double.NaN, true);

        static Aim atMost(double bound) {
            return new Aim("<= " + bound, bound, true);
        }

        static Aim atLeast(double bound) {
            return new Aim(">= " + bound, bound, false);
        }

        /** Met when the whole interval is inside the aim, missed when the whole interval is outside. */
        String verdict(double ratio, double low, double high) {
            if (Double.isNaN(bound)) {
                return "";
            }
            boolean inside = atMost ? high <= bound : low >= bound;
            boolean outside = atMost ? low > bound : high < bound;
            if (inside) {
                return "met";
            }
            if (outside) {
                return "MISSED";
            }
            boolean estimateInside = atMost ? ratio <= bound : ratio >= bound;
            return estimateInside
                    ? "met by the estimate, interval crosses"
                    : "missed by the estimate, interval crosses";
        }
    }
}
