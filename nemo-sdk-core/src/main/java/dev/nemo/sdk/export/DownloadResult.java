package dev.nemo.sdk.export;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * A finished download: the file was written completely and moved into place atomically.
 *
 * @param path         the file written
 * @param bytes        its size
 * @param duration     how long the download took (wall-clock)
 * @param source       where the bytes came from, without the query (signed URLs stay private)
 * @param usedFallback whether the output URL failed and the authenticated
 *                     {@code /api/render/proxy/<id>/download} endpoint served the file
 */
public record DownloadResult(Path path, long bytes, Duration duration, URI source, boolean usedFallback) {
    /**
     * Validates.
     *
     * @param path         the file written
     * @param bytes        its size
     * @param duration     how long the download took (wall-clock)
     * @param source       where the bytes came from, without the query (signed URLs stay private)
     * @param usedFallback whether the output URL failed and the authenticated
     *                     {@code /api/render/proxy/<id>/download} endpoint served the file
     */
    public DownloadResult {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(source, "source");
    }
}
