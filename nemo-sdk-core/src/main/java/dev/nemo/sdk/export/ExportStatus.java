package dev.nemo.sdk.export;

import java.util.Locale;

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
    public static ExportStatus parse(String status) {
        if (status == null) {
            return UNKNOWN;
        }
        switch (status.strip().toLowerCase(Locale.ROOT)) {
            case "pending":
            case "queued":
            case "waiting":
            case "submitted":
            case "created":
                return PENDING;
            case "processing":
            case "running":
            case "rendering":
            case "in_progress":
            case "in-progress":
            case "started":
                return PROCESSING;
            case "completed":
            case "complete":
            case "succeeded":
            case "success":
            case "done":
            case "finished":
                return COMPLETED;
            case "failed":
            case "failure":
            case "error":
            case "errored":
                return FAILED;
            case "cancelled":
            case "canceled":
            case "aborted":
                return CANCELLED;
            default:
                return UNKNOWN;
        }
    }

    /** {@return whether the render has ended (completed, failed or cancelled)} */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
