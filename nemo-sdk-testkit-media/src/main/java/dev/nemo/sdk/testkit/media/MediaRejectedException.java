package dev.nemo.sdk.testkit.media;

import java.util.Objects;

/**
 * The input cannot be rendered: its type is not supported (for example a PDF), it has no video, or
 * it is too damaged to decode (a truncated GIF, a malformed animated WebP). Retrying the same
 * file will fail the same way. The emulator reports this as its "unsupported file type" error.
 */
public class MediaRejectedException extends MediaException {
    private static final long serialVersionUID = 1L;

    /** Why an input was rejected. */
    public enum Reason {
        /** The bytes are not one of the supported containers (GIF, APNG/PNG, JPEG, WebP, MP4/MOV, WebM/MKV). */
        UNSUPPORTED_FORMAT,
        /** The container has no video stream (for example an audio-only MP4). */
        NO_VIDEO,
        /** The file is truncated or corrupt: not a single frame could be decoded, or too many errors. */
        UNDECODABLE
    }

    private final Reason reason;

    /**
     * Creates a rejection.
     *
     * @param reason the category
     * @param message the details, in words a person can act on
     */
    public MediaRejectedException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * The category of the rejection.
     *
     * @return the reason, never null
     */
    public Reason reason() {
        return reason;
    }
}
