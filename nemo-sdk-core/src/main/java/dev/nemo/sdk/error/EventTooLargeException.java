package dev.nemo.sdk.error;

/**
 * An event stream carried a line or an event larger than the configured limit (8 MiB by
 * default, see {@code ChatOptions.maxLineBytes}). The SDK stops reading instead of buffering
 * without bound, and drops the connection.
 */
public class EventTooLargeException extends DecodeException {
    private static final long serialVersionUID = 1L;

    private final int limitBytes;

    /**
     * Creates the exception.
     *
     * @param message    description without secrets
     * @param details    where it happened
     * @param limitBytes the limit that was exceeded
     */
    public EventTooLargeException(String message, ErrorDetails details, int limitBytes) {
        super(message, details, null);
        this.limitBytes = limitBytes;
    }

    /** {@return the limit, in bytes, that a line or an event's data exceeded} */
    public int limitBytes() {
        return limitBytes;
    }
}
