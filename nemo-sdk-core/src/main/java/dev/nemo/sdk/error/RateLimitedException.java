package dev.nemo.sdk.error;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * HTTP 429: too many requests. The SDK has already waited {@code Retry-After} (30 s when absent)
 * and retried once; this exception means the limit still held. The anonymous-token call is limited
 * per client id and per IP address.
 */
public class RateLimitedException extends NemoServiceException {
    private static final long serialVersionUID = 1L;

    private final @Nullable Duration retryAfter;

    /**
     * Creates the exception.
     *
     * @param message    description without secrets
     * @param details    where and how it failed
     * @param retryAfter the server's {@code Retry-After}, or {@code null} when absent
     */
    public RateLimitedException(String message, ErrorDetails details, @Nullable Duration retryAfter) {
        super(message, details, null);
        this.retryAfter = retryAfter;
    }

    /** {@return how long the server asked to wait, when it said} */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
