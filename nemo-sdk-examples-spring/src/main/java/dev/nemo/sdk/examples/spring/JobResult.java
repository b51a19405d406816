package dev.nemo.sdk.examples.spring;

import java.util.Locale;

/**
 * The downloadable result of a job.
 *
 * @param fileName    the result's file name
 * @param inputBytes  the size of the upload
 * @param outputBytes the size of the result
 * @param ratio       input size / output size, for example {@code 4.2}
 * @param downloadUrl where the page downloads it
 * @param renderer    the render engine's note, when the service names one
 */
public record JobResult(
        String fileName, long inputBytes, long outputBytes, double ratio, String downloadUrl, String renderer) {

    /** @return for example {@code 71.8 KB → 17.1 KB (4.2× smaller)} */
    public String summary() {
        String change = ratio >= 1
                ? String.format(Locale.ROOT, "%.1f× smaller", ratio)
                : String.format(Locale.ROOT, "%.1f× larger", 1 / ratio);
        return human(inputBytes) + " → " + human(outputBytes) + " (" + change + ")";
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double kb = bytes / 1024.0;
        return kb < 1024 ? String.format(Locale.ROOT, "%.1f KB", kb) : String.format(Locale.ROOT, "%.1f MB", kb / 1024);
    }
}
