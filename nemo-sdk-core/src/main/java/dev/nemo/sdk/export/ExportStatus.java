package dev.nemo.sdk.export;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Where a render is: {@code pending} → {@code processing} → {@code completed} | {@code failed}.
 * A status the SDK does not know is {@link #UNKNOWN} and counts as still running (the raw text is
 * kept in {@link ExportJob#rawStatus()}).
 */
public enum ExportStatus {
    /** Queued. */
    PENDING,
    /** Rendering. */
    PROCESSING,
    /** Done: the video can be downloaded. */
    COMPLETED,
    /** The render failed; see {@link ExportJob#error()}. */
    FAILED,
    /** The render was cancelled. */
    CANCELLED,
    /** A status the SDK does not know; treated as still running. */
    UNKNOWN;

    /**
     * {@return the status, {@link #UNKNOWN} for anything else or {@code null}}
     *
     * @param status the status text of a poll response (case and surrounding spaces ignored;
     *               common synonyms such as {@code queued}, {@code rendering}, {@code succeeded},
     *               {@code error} are understood)
     */
    public static ExportStatus parse(@Nullable String status) {
        if (status == null) {
            return UNKNOWN;
        }
        return switch (status.strip().toLowerCase(Locale.ROOT)) {
            case "pending", "queued", "waiting", "submitted", "created" -> PENDING;
            case "processing", "running", "rendering", "in_progress", "in-progress", "started" -> PROCESSING;
            case "completed", "complete", "succeeded", "success", "done", "finished" -> COMPLETED;
            case "failed", "failure", "error", "errored" -> FAILED;
            case "cancelled", "canceled", "aborted" -> CANCELLED;
            default -> UNKNOWN;
        };
    }

    /** {@return whether the render has ended (completed, failed or cancelled)} */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
