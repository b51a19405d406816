package dev.nemo.sdk.examples;

import java.util.Locale;

/** File sizes for people: {@code 275.4 KB}, and how two sizes compare. 1 KB = 1024 bytes, as the API counts. */
public final class Sizes {
    private Sizes() {}

    /**
     * @param bytes a size
     * @return for example {@code 812 bytes}, {@code 275.4 KB}, {@code 3.6 MB}
     */
    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        if (bytes < 1024L * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GB", bytes / (1024.0 * 1024 * 1024));
    }

    /**
     * @param input  the input size
     * @param output the output size
     * @return for example {@code 275.4 KB -> 120.0 KB (43.6% of the input, 2.29x smaller)}
     */
    public static String comparison(long input, long output) {
        String sizes = human(input) + " -> " + human(output);
        if (input <= 0) {
            return sizes;
        }
        double percent = 100.0 * output / input;
        String change = output <= 0
                ? ""
                : output < input
                        ? String.format(Locale.ROOT, ", %.2fx smaller", (double) input / output)
                        : output > input
                                ? String.format(Locale.ROOT, ", %.2fx larger", (double) output / input)
                                : ", same size";
        return sizes + String.format(Locale.ROOT, " (%.1f%% of the input%s)", percent, change);
    }
}
