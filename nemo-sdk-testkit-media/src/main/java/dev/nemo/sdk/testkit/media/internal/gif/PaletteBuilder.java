package dev.nemo.sdk.testkit.media.internal.gif;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Builds a palette from a {@link Histogram}: the exact colours when they fit; otherwise median cut
 * in Oklab (the box with the largest weighted error is split at the weighted median of its widest
 * axis), refined by a few k-means rounds in Oklab, each entry the weighted mean sRGB of its bins.
 * Dithering is chosen by the content: on when the mean quantisation error is visible (gradients,
 * photos), off when the colours fit (screens, flat cartoons).
 */
public final class PaletteBuilder {

    private static final int KMEANS_ROUNDS = 4;
    /** A mean weighted error above this (about 5 levels a channel) asks for dithering. */
    private static final double DITHER_ERROR = Colors.WEIGHT_SUM * 25.0;

    private PaletteBuilder() {}

    /**
     * Builds a palette.
     *
     * @param h the colours to represent
     * @param maxColors at most this many opaque colours, 2..255
     * @return the palette
     */
    public static Palette build(Histogram h, int maxColors) {
        int limit = Math.max(2, Math.min(255, maxColors));
        int[] exact = h.exactColors(limit);
        if (exact != null) {
            return new Palette(exact.length == 0 ? new int[] {0} : exact, false);
        }
        Bins bins = Bins.of(h);
        int[] assignment = medianCut(bins, limit);
        int k = 0;
        for (int a : assignment) {
            k = Math.max(k, a + 1);
        }
        float[][] centroids = centroids(bins, assignment, k);
        for (int round = 0; round < KMEANS_ROUNDS; round++) {
            assign(bins, centroids, assignment);
            centroids = centroids(bins, assignment, k);
        }
        assign(bins, centroids, assignment);
        int[] rgb = meanColors(bins, assignment, k);
        return new Palette(rgb, meanError(bins, assignment, rgb) > DITHER_ERROR);
    }

    /** The non-empty bins: weight, mean colour, Oklab. */
    private record Bins(int n, long[] weight, int[] rgb, float[][] lab, long[] sums) {
        static Bins of(Histogram h) {
            int n = 0;
            for (long c : h.count) {
                n += c > 0 ? 1 : 0;
            }
            long[] w = new long[n];
            int[] rgb = new int[n];
            float[][] lab = new float[n][3];
            long[] sums = new long[n * 3];
            int i = 0;
            for (int bin = 0; bin < Histogram.BINS; bin++) {
                long c = h.count[bin];
                if (c == 0) {
                    continue;
                }
                w[i] = c;
                sums[3 * i] = h.sumR[bin];
                sums[3 * i + 1] = h.sumG[bin];
                sums[3 * i + 2] = h.sumB[bin];
                double r = (double) h.sumR[bin] / c;
                double g = (double) h.sumG[bin] / c;
                double b = (double) h.sumB[bin] / c;
                rgb[i] = (int) Math.round(r) << 16 | (int) Math.round(g) << 8 | (int) Math.round(b);
                Colors.oklab(r, g, b, lab[i]);
                i++;
            }
            return new Bins(n, w, rgb, lab, sums);
        }
    }

    /** A box of bins: a slice of the shared index array. */
    private record Box(int from, int to, double error) {}

    private static int[] medianCut(Bins bins, int limit) {
        int[] order = new int[bins.n()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        PriorityQueue<Box> queue = new PriorityQueue<>((a, b) -> Double.compare(b.error(), a.error()));
        List<Box> done = new ArrayList<>();
        queue.add(box(bins, order, 0, order.length));
        while (!queue.isEmpty() && queue.size() + done.size() < limit) {
            Box b = queue.poll();
            if (b.to() - b.from() < 2 || b.error() <= 0) {
                done.add(b);
                continue;
            }
            int mid = split(bins, order, b);
            queue.add(box(bins, order, b.from(), mid));
            queue.add(box(bins, order, mid, b.to()));
        }
        done.addAll(queue);
        int[] assignment = new int[bins.n()];
        for (int k = 0; k < done.size(); k++) {
            for (int i = done.get(k).from(); i < done.get(k).to(); i++) {
                assignment[order[i]] = k;
            }
        }
        return assignment;
    }

    private static Box box(Bins bins, int[] order, int from, int to) {
        double w = 0;
        double[] mean = new double[3];
        for (int i = from; i < to; i++) {
            int b = order[i];
            w += bins.weight()[b];
            for (int c = 0; c < 3; c++) {
                mean[c] += bins.weight()[b] * bins.lab()[b][c];
            }
        }
        for (int c = 0; c < 3; c++) {
            mean[c] /= Math.max(1, w);
        }
        double err = 0;
        for (int i = from; i < to; i++) {
            int b = order[i];
            for (int c = 0; c < 3; c++) {
                double d = bins.lab()[b][c] - mean[c];
                err += bins.weight()[b] * d * d;
            }
        }
        return new Box(from, to, err);
    }

    /** Sorts the box along its widest axis and returns the weighted median's position. */
    private static int split(Bins bins, int[] order, Box b) {
        int axis = 0;
        float widest = -1;
        for (int c = 0; c < 3; c++) {
            float lo = Float.MAX_VALUE;
            float hi = -Float.MAX_VALUE;
            for (int i = b.from(); i < b.to(); i++) {
                float v = bins.lab()[order[i]][c];
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            if (hi - lo > widest) {
                widest = hi - lo;
                axis = c;
            }
        }
        int ax = axis;
        Integer[] slice = new Integer[b.to() - b.from()];
        for (int i = 0; i < slice.length; i++) {
            slice[i] = order[b.from() + i];
        }
        Arrays.sort(slice, (p, q) -> Float.compare(bins.lab()[p][ax], bins.lab()[q][ax]));
        long total = 0;
        for (Integer s : slice) {
            total += bins.weight()[s];
        }
        long acc = 0;
        int mid = b.from() + 1;
        for (int i = 0; i < slice.length; i++) {
            order[b.from() + i] = slice[i];
            acc += bins.weight()[slice[i]];
            if (acc * 2 < total) {
                mid = b.from() + i + 2;
            }
        }
        return Math.min(mid, b.to() - 1);
    }

    private static float[][] centroids(Bins bins, int[] assignment, int k) {
        float[][] c = new float[k][3];
        double[][] acc = new double[k][3];
        double[] w = new double[k];
        for (int i = 0; i < bins.n(); i++) {
            int a = assignment[i];
            w[a] += bins.weight()[i];
            for (int d = 0; d < 3; d++) {
                acc[a][d] += bins.weight()[i] * bins.lab()[i][d];
            }
        }
        for (int a = 0; a < k; a++) {
            for (int d = 0; d < 3; d++) {
                c[a][d] = w[a] > 0 ? (float) (acc[a][d] / w[a]) : Float.MAX_VALUE / 4;
            }
        }
        return c;
    }

    private static void assign(Bins bins, float[][] centroids, int[] assignment) {
        for (int i = 0; i < bins.n(); i++) {
            float[] l = bins.lab()[i];
            int best = assignment[i];
            float bestD = Float.MAX_VALUE;
            for (int a = 0; a < centroids.length; a++) {
                float d0 = l[0] - centroids[a][0];
                float d1 = l[1] - centroids[a][1];
                float d2 = l[2] - centroids[a][2];
                float d = d0 * d0 + d1 * d1 + d2 * d2;
                if (d < bestD) {
                    bestD = d;
                    best = a;
                }
            }
            assignment[i] = best;
        }
    }

    private static int[] meanColors(Bins bins, int[] assignment, int k) {
        long[] acc = new long[k * 3];
        long[] w = new long[k];
        for (int i = 0; i < bins.n(); i++) {
            int a = assignment[i];
            w[a] += bins.weight()[i];
            for (int d = 0; d < 3; d++) {
                acc[3 * a + d] += bins.sums()[3 * i + d];
            }
        }
        int used = 0;
        int[] rgb = new int[k];
        for (int a = 0; a < k; a++) {
            if (w[a] == 0) {
                continue;
            }
            int r = (int) Math.round((double) acc[3 * a] / w[a]);
            int g = (int) Math.round((double) acc[3 * a + 1] / w[a]);
            int b = (int) Math.round((double) acc[3 * a + 2] / w[a]);
            rgb[used++] = r << 16 | g << 8 | b;
        }
        return Arrays.copyOf(rgb, Math.max(1, used));
    }

    private static double meanError(Bins bins, int[] assignment, int[] rgb) {
        Palette p = new Palette(rgb, false);
        double err = 0;
        double w = 0;
        for (int i = 0; i < bins.n(); i++) {
            int c = bins.rgb()[i] | 0xff000000;
            err += bins.weight()[i] * (double) Colors.distance(c, p.color(p.nearest(c)));
            w += bins.weight()[i];
        }
        return w == 0 ? 0 : err / w;
    }
}
