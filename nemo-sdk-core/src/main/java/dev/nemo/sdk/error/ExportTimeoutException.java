package dev.nemo.sdk.error;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An export was still running when the SDK stopped waiting (after the configured number of polls
 * or the overall deadline). The render itself goes on: resume it later, from this process or
 * another, with {@code client.exports().resume(renderId)} instead of submitting again.
 */
public class ExportTimeoutException extends NemoClientException {
    private static final long serialVersionUID = 1L;

    private final String renderId;
    private final @Nullable String lastStatus;

    /**
     * Creates the exception.
     *
     * @param message    description without secrets
     * @param details    where it happened
     * @param renderId   the render
     * @param lastStatus the last status seen, or {@code null}
     * @param cause      the last poll's failure, or {@code null}
     */
    public ExportTimeoutException(String message, ErrorDetails details, String renderId, @Nullable String lastStatus,
                                  @Nullable Throwable cause) {
        super(message, details, cause);
        this.renderId = renderId;
        this.lastStatus = lastStatus;
    }

    /** {@return the render id to resume} */
    public String renderId() {
        return renderId;
    }

    /** {@return the last status the render service reported, when a poll succeeded} */
    public Optional<String> lastStatus() {
        return Optional.ofNullable(lastStatus);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
