package dev.nemo.sdk.error;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An export ended without a video: the render service reported it {@code failed} (the reason is
 * in the message and in {@link #reason()}), or it was cancelled ({@link #cancelled()}).
 * Submitting the draft again starts a new render.
 */
public class ExportFailedException extends NemoServiceException {
    private static final long serialVersionUID = 1L;

    private final String renderId;
    private final @Nullable String reason;
    private final boolean cancelled;

    /**
     * Creates the exception.
     *
     * @param message   description without secrets
     * @param details   where and how it failed
     * @param renderId  the render
     * @param reason    the render service's error text, or {@code null}
     * @param cancelled whether the export was cancelled rather than failed
     * @param cause     underlying cause, or {@code null}
     */
    public ExportFailedException(String message, ErrorDetails details, String renderId, @Nullable String reason,
                                 boolean cancelled, @Nullable Throwable cause) {
        super(message, details, cause);
        this.renderId = renderId;
        this.reason = reason;
        this.cancelled = cancelled;
    }

    /** {@return the render id} */
    public String renderId() {
        return renderId;
    }

    /** {@return the render service's error text, when it gave one} */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    /** {@return whether the export was cancelled (by this client or on the server)} */
    public boolean cancelled() {
        return cancelled;
    }
}
